package com.opsledger.command.feedback;

import com.google.re2j.Pattern;
import com.opsledger.command.feedback.probes.ProbeDetector;
import com.opsledger.events.feedback.Classification;
import com.opsledger.events.feedback.SecurityClass;
import com.opsledger.events.feedback.Severity;
import com.opsledger.events.feedback.SignalCategory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Classifies feedback text at ingest: attack families with the evidence for each, signal quality, severity and a
 * fingerprint. A pure function.
 *
 * <p>The attack families come from {@link ProbeDetector}, which undoes the usual disguises, looks for payload
 * structure rather than words, and weighs quoted code in a bug report below the writer's own text: ordinary
 * feedback that mentions "select", "script" or "../", or pastes a stack trace, stays ordinary.
 *
 * <p>Severity rules:
 * <ul>
 *   <li>security probe: critical with a command or SQL payload, or with three or more families; high with
 *       script, template or path; medium for fuzz alone;</li>
 *   <li>actionable: medium, high when it speaks of data loss, money, security, log-in or an outage;</li>
 *   <li>short actionable: low, medium when it speaks of those;</li>
 *   <li>product signal: low.</li>
 * </ul>
 *
 * <p>The fingerprint hashes the attack families and a skeleton of the decoded text (digits folded to 0, white space
 * and trailing punctuation dropped), so a probe repeated with other numbers and a duplicate report land in one group.
 */
public final class FeedbackClassifier {

    /**
     * The version of the rules, recorded with every classification they make. Raise it with any change to what the
     * classifier returns, so that re-running it over stored feedback says which rules made each change.
     */
    public static final String VERSION = "2";

    /** What the classifier found: the classification and the fingerprint that picks the duplicate group. */
    public record ClassifiedText(Classification classification, String fingerprint) {
    }

    private static final Pattern ACTIONABLE = Pattern.compile(
            "\\b(bug|error|errors|broken|broke|breaks|crash(es|ed|ing)?|fail(s|ed|ing|ure)?|doesn'?t work|does not work|"
                    + "not working|isn'?t working|won'?t|can'?t|cannot|unable|stuck|exception|timeout|timed out|forever|"
                    + "freez(e|es|ing)|frozen|hangs?|wrong|missing|blank|not loading|doesn'?t load|slow|"
                    + "500|404|403|regression|glitch|issue|problem|fix)\\b");
    private static final Pattern URGENT = Pattern.compile(
            "\\b(data loss|lost (my|all|our)|deleted|charged|double charged|payment|billing|invoice|refund|"
            + "security|leak(ed|ing)?|breach|exposed|outage|down for|everyone|all users|production|"
            + "log ?in|sign ?in|locked out|password)\\b");
    private static final int SHORT_WORDS = 8;

    private FeedbackClassifier() {
    }

    public static ClassifiedText classify(String message) {
        return classify(message, UnaryOperator.identity());
    }

    /**
     * As {@link #classify(String)}, with every pass reading its text through {@code reads}: tests count the
     * characters read to show that the work grows linearly with the message.
     */
    static ClassifiedText classify(String message, UnaryOperator<CharSequence> reads) {
        ProbeDetector.Detection detection = ProbeDetector.detect(message, reads);
        String text = detection.decoded();
        List<SecurityClass> classes = List.copyOf(detection.classes());
        SignalCategory signal = signal(classes, reads.apply(text));
        Classification classification = new Classification(classes, signal, severity(classes, signal, reads.apply(text)),
                detection.findings());
        return new ClassifiedText(classification, fingerprint(classification, text));
    }

    /** The text with encodings, disguises, case and spacing undone: what the rules look at. */
    static String normalize(String message) {
        return ProbeDetector.decode(message);
    }

    private static SignalCategory signal(List<SecurityClass> classes, CharSequence text) {
        if (!classes.isEmpty()) {
            return SignalCategory.SECURITY_PROBE;
        }
        if (!ACTIONABLE.matcher(text).find()) {
            return SignalCategory.PRODUCT_SIGNAL;
        }
        return words(text) <= SHORT_WORDS ? SignalCategory.SHORT_ACTIONABLE : SignalCategory.ACTIONABLE;
    }

    /** Words of normalized text, which has single spaces between them. */
    private static int words(CharSequence text) {
        int words = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\n') {
                words++;
            }
        }
        return words;
    }

    private static Severity severity(List<SecurityClass> classes, SignalCategory signal, CharSequence text) {
        boolean urgent = URGENT.matcher(text).find();
        return switch (signal) {
            case SECURITY_PROBE -> {
                if (classes.contains(SecurityClass.COMMAND) || classes.contains(SecurityClass.SQL) || classes.size() >= 3) {
                    yield Severity.CRITICAL;
                }
                yield classes.equals(List.of(SecurityClass.FUZZ)) ? Severity.MEDIUM : Severity.HIGH;
            }
            case ACTIONABLE -> urgent ? Severity.HIGH : Severity.MEDIUM;
            case SHORT_ACTIONABLE -> urgent ? Severity.MEDIUM : Severity.LOW;
            case PRODUCT_SIGNAL -> Severity.LOW;
        };
    }

    private static String fingerprint(Classification classification, CharSequence text) {
        String key = classification.securityClasses() + "|" + skeleton(text);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * The text with each run of digits folded to one 0, trailing punctuation and white space dropped, and the
     * remaining spaces and line breaks removed. Group ids derive from it: a change to it (or to the classes found)
     * sends new copies of a text to a new group, while the members already grouped stay where they are.
     */
    private static String skeleton(CharSequence text) {
        int end = text.length();
        while (end > 0 && (isPunctuation(text.charAt(end - 1)) || isJavaWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        StringBuilder skeleton = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (i == 0 || text.charAt(i - 1) < '0' || text.charAt(i - 1) > '9') {
                    skeleton.append('0');
                }
            } else if (c != ' ' && c != '\n') {
                skeleton.append(c);
            }
        }
        return skeleton.toString();
    }

    /** Java's {@code \p{Punct}}: ASCII punctuation. */
    private static boolean isPunctuation(char c) {
        return c > ' ' && c < 0x7F && !Character.isLetterOrDigit(c);
    }

    /** Java's {@code \s}. */
    private static boolean isJavaWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
