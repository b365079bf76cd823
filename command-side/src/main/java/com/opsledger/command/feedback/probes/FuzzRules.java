package com.opsledger.command.feedback.probes;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.function.UnaryOperator;

import static com.opsledger.command.feedback.probes.Findings.CERTAIN;
import static com.opsledger.events.feedback.SecurityClass.FUZZ;

/**
 * Fuzzing: control characters, bytes that are no UTF-8, format strings, one character repeated past reason, a
 * token too long to be a word, and punctuation soup. Progress bars and rules ({@code ----}, {@code ====},
 * {@code ████}) and long URLs are what people paste, so they are not fuzz.
 */
final class FuzzRules {

    private static final Pattern FORMAT_STRINGS = Pattern.compile("(%(\\d+\\$)?[-+ #0]*\\d*[snxpdc]\\W?){3,}|%(\\d+\\$)?n\\b");
    private static final int REPEATED_CHAR_RUN = 50;
    private static final int LONG_TOKEN = 400;
    private static final int NOISE_MINIMUM = 20;
    /** Characters people repeat on purpose: rules, underlines, progress bars and spacing. */
    private static final String DRAWING = "-=_*#~.+|/\\<> ";

    private FuzzRules() {
    }

    static void detect(ProbeText text, UnaryOperator<CharSequence> reads, boolean noOtherClass, Findings findings) {
        String s = text.text();
        int control = firstControlCharacter(reads.apply(s));
        if (control >= 0) {
            findings.add(FUZZ, "fuzz.control-characters", CERTAIN, control, control + 1);
        }
        Matcher format = FORMAT_STRINGS.matcher(reads.apply(s));
        if (format.find()) {
            findings.add(FUZZ, "fuzz.format-string", CERTAIN, format.start(), format.end());
        }
        int run = repeatedRun(reads.apply(s));
        if (run >= 0) {
            findings.add(FUZZ, "fuzz.repeated-character", CERTAIN, run, run + REPEATED_CHAR_RUN);
        }
        int token = longToken(reads.apply(s));
        if (token >= 0) {
            findings.add(FUZZ, "fuzz.long-token", CERTAIN, token, token + LONG_TOKEN);
        }
        if (noOtherClass && mostlyNoise(reads.apply(s))) {
            findings.add(FUZZ, "fuzz.noise", CERTAIN, 0, s.length());
        }
    }

    private static int firstControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFD') {
                return i;
            }
        }
        return -1;
    }

    /** Where one code point first repeats {@value #REPEATED_CHAR_RUN} times, drawing characters aside. */
    private static int repeatedRun(CharSequence text) {
        int run = 0;
        int previous = -1;
        int runStart = 0;
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            if (c != previous) {
                run = 0;
                runStart = i;
            }
            run++;
            previous = c;
            if (run >= REPEATED_CHAR_RUN && !isDrawing(c)) {
                return runStart;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    private static boolean isDrawing(int c) {
        return DRAWING.indexOf(c) >= 0 || c >= 0x2500 && c <= 0x25FF || Character.getType(c) == Character.OTHER_SYMBOL;
    }

    /** Where a stretch without white space first reaches {@value #LONG_TOKEN} chars, links aside. */
    private static int longToken(CharSequence text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c == ' ' || c == '\n' || c == '\t' ? 0 : run + 1;
            if (run >= LONG_TOKEN && !startsWith(text, i - run + 1, "http")) {
                return i - run + 1;
            }
        }
        return -1;
    }

    private static boolean startsWith(CharSequence text, int at, String prefix) {
        return at + prefix.length() <= text.length() && text.subSequence(at, at + prefix.length()).toString().equals(prefix);
    }

    /** Punctuation soup or stacked combining marks: more than half the characters are neither words nor spaces. */
    private static boolean mostlyNoise(CharSequence text) {
        long characters = text.codePoints().count();
        if (characters < NOISE_MINIMUM) {
            return false;
        }
        long noise = text.codePoints().filter(c -> {
            int type = Character.getType(c);
            return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !isDrawing(c)
                    || type == Character.NON_SPACING_MARK;
        }).count();
        return noise * 2 > characters;
    }
}
