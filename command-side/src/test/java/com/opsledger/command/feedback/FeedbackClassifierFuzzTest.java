package com.opsledger.command.feedback;

import com.opsledger.events.feedback.Classification;
import com.opsledger.events.feedback.Finding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Random messages built from what the decoders and scanners react to (escape openers, quotes, delimiters, lone
 * surrogates, NUL, characters NFKC expands): the classifier never throws, and what it records is safe to store and
 * show. A throw here would be a 500 at ingest for a message the door accepted.
 */
class FeedbackClassifierFuzzTest {

    private static final String[] ATOMS = {"%", "%u", "%c0", "%af", "%2e", "%00", "&#", "&#x", "&Tab;", ";", "&", "\\u",
            "\\x", "\\u{", "+A", "+ADw-", "-", "'", "\"", "`", "$", "$(", "${", "{", "}", "{{", "%}", "<", ">", "<%", "/",
            "\\", "..", ".", "\n", "\t", " ", "a", "Z", "0", "9", "=", "(", ")", "[", "]", "|", "^", "@", "#", "*", "on",
            "or", "select", "/*!", "*/", "--", "```", "\uD800", "\uDC00", "\uFDFA", "\uFF1C", "\u0000", "\u200B", "é",
            "\uD83D\uDE00", "0x2e", "::", "$ne", "_", "~", "!", "?", ",", "the ", "cat ", "whoami"};
    private static final int MESSAGES = 20_000;

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void neverThrowsAndRecordsOnlySafeEvidence(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < MESSAGES; n++) {
            StringBuilder message = new StringBuilder();
            for (int atoms = 1 + random.nextInt(40); atoms > 0; atoms--) {
                message.append(ATOMS[random.nextInt(ATOMS.length)]);
            }
            String text = message.toString();
            assertThatCode(() -> check(FeedbackClassifier.classify(text).classification())).as(text).doesNotThrowAnyException();
        }
    }

    private static void check(Classification classification) {
        assertThat(classification.findings()).extracting(Finding::securityClass)
                .allMatch(classification.securityClasses()::contains);
        for (Finding finding : classification.findings()) {
            String excerpt = finding.excerpt();
            assertThat(excerpt.length()).isLessThanOrEqualTo(Finding.MAX_EXCERPT);
            assertThat(excerpt.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t')).as("no control characters").isTrue();
            for (int i = 0; i < excerpt.length(); i++) {
                char c = excerpt.charAt(i);
                boolean paired = Character.isHighSurrogate(c) && i + 1 < excerpt.length()
                        && Character.isLowSurrogate(excerpt.charAt(i + 1))
                        || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(excerpt.charAt(i - 1));
                assertThat(!Character.isSurrogate(c) || paired).as("no lone surrogate in %s", excerpt).isTrue();
            }
        }
    }
}
