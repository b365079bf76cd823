package com.opsledger.command.feedback;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Messages shaped to make a backtracking regex engine go quadratic or worse, each made to any length: for the
 * classifier's work test and its worst-case benchmark ({@code bench/classifier}).
 */
final class AdversarialMessages {

    /** A named shape: {@code make.apply(n)} is a message of n chars. */
    record Shape(String name, IntFunction<String> make) {
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("a letter and combining marks", n -> "a" + cycle(n - 1, "\u0300\u0301\u0302\u0336\u036F")),
            new Shape("combining marks between letters", n -> cycle(n, "a\u0300")),
            new Shape("repeated semicolons", n -> ";".repeat(n)),
            new Shape("repeated slashes", n -> "/".repeat(n)),
            new Shape("repeated dots and slashes", n -> cycle(n, "../")),
            new Shape("repeated percent signs", n -> "%".repeat(n)),
            new Shape("repeated pipes", n -> "|".repeat(n)),
            new Shape("repeated ampersands", n -> "&".repeat(n)),
            new Shape("repeated opening tags", n -> cycle(n, "<a")),
            new Shape("repeated braces", n -> "{".repeat(n)),
            new Shape("unclosed template openers", n -> cycle(n, "{{7*")),
            new Shape("unclosed SQL comments", n -> cycle(n, "/*")),
            new Shape("nested quotes", n -> cycle(n, "'\"")),
            new Shape("quotes and parentheses", n -> cycle(n, "')")),
            new Shape("quote then parentheses", n -> "'" + ")".repeat(n - 1)),
            new Shape("quote, spaces, or", n -> cycle(n, "' or ")),
            new Shape("one letter", n -> "a".repeat(n)),
            new Shape("spaces", n -> "x" + " ".repeat(n - 2) + "x"),
            new Shape("two letters alternating", n -> cycle(n, "ab")),
            new Shape("letter and space alternating", n -> cycle(n, "a ")),
            new Shape("event handler openers", n -> cycle(n, "<a on")),
            new Shape("entity openers", n -> cycle(n, "&#")),
            new Shape("escape openers", n -> cycle(n, "\\u")),
            new Shape("percent escapes", n -> cycle(n, "%2")),
            new Shape("command substitutions", n -> cycle(n, "$(")),
            new Shape("union without select", n -> cycle(n, "union ")),
            new Shape("select without from", n -> cycle(n, "select ")),
            new Shape("format directives", n -> cycle(n, "%s")),
            new Shape("digits and signs", n -> cycle(n, "1=1 ")),
            new Shape("punctuation before a letter", n -> "!".repeat(n - 1) + "a"),
            new Shape("emoji", n -> cycle(n, "\uD83D\uDE00")),
            new Shape("ligatures that NFKC expands", n -> "\uFDFA".repeat(n)),
            // Shapes aimed at the detectors of classifier version 2: its line loop, scanners and decoders.
            new Shape("line breaks", n -> "\n".repeat(n)),
            new Shape("fenced blocks opened and closed", n -> cycle(n, "```\n")),
            new Shape("command starts with a word", n -> cycle(n, ";cat ")),
            new Shape("shell evasions", n -> cycle(n, "w'h'")),
            new Shape("brace expansions", n -> cycle(n, "{id,")),
            new Shape("backticks", n -> "`".repeat(n)),
            new Shape("UTF-7 runs", n -> cycle(n, "+ADw-")),
            new Shape("IIS escapes", n -> cycle(n, "%u003c")),
            new Shape("overlong UTF-8 lead bytes", n -> cycle(n, "%c0")),
            new Shape("MySQL executable comments", n -> cycle(n, "/*!")),
            new Shape("prose words", n -> cycle(n, "the we ")),
            new Shape("JSFuck", n -> cycle(n, "![]+")));

    private AdversarialMessages() {
    }

    /** {@code unit} repeated to exactly {@code length} chars. */
    static String cycle(int length, String unit) {
        StringBuilder text = new StringBuilder(length);
        IntStream.range(0, length).forEach(i -> text.append(unit.charAt(i % unit.length())));
        return text.toString();
    }
}
