package com.opsledger.command.feedback.probes;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.opsledger.events.feedback.SecurityClass;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One named pattern of one class with its weight. The pattern runs only when the text holds one of its literals:
 * a substring search costs a fraction of an RE2 pass, and most messages hold none of them.
 *
 * <p>{@code literals} are separated by spaces; one that begins with {@code ^} must begin the text. Every text the
 * pattern matches holds one of them. Patterns are RE2 expressions (RE2/J), matched in time linear in the text, never by backtracking, written in
 * lower case for the lower-cased text and compiled with {@code .} matching line breaks.
 */
record Rule(SecurityClass securityClass, String name, double weight, List<String> literals, Pattern pattern) {

    static Rule of(SecurityClass securityClass, String name, double weight, String literals, String regex) {
        return new Rule(securityClass, name, weight, Arrays.stream(literals.split(" ")).filter(l -> !l.isEmpty()).toList(),
                Pattern.compile(regex, Pattern.DOTALL));
    }

    /** Applies every rule of {@code rules} to {@code text}. */
    static void applyAll(List<Rule> rules, String text, UnaryOperator<CharSequence> reads, Findings findings) {
        for (Rule rule : rules) {
            rule.apply(text, reads, findings);
        }
    }

    /** Adds a finding where the pattern first matches {@code text}, a view of the message's decoded text. */
    void apply(String text, UnaryOperator<CharSequence> reads, Findings findings) {
        if (literals.stream().noneMatch(literal -> literal.startsWith("^") ? text.startsWith(literal.substring(1))
                : text.contains(literal))) {
            return;
        }
        Matcher matcher = pattern.matcher(reads.apply(text));
        if (matcher.find()) {
            findings.add(securityClass, name, weight, matcher.start(), matcher.end());
        }
    }
}
