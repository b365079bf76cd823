package com.opsledger.command.feedback;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier's work grows linearly with the message, whatever the message: adversarial inputs of up to 10,000
 * characters, the shapes that make backtracking engines go quadratic or worse. Work is counted as the characters
 * every pass reads, not as time: doubling the input must about double it, and no character may cost more than a
 * fixed number of reads.
 */
class FeedbackClassifierWorkTest {

    /** Reads per character a linear classifier stays under: a few dozen patterns and passes, each reading it once or twice. */
    private static final long MAX_READS_PER_CHARACTER = 300;

    static Stream<Arguments> adversarialInputs() {
        return AdversarialMessages.SHAPES.stream().map(shape -> Arguments.of(shape.name(), shape.make()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adversarialInputs")
    void workGrowsLinearlyWithTheMessage(String shape, IntFunction<String> make) {
        long half = reads(make.apply(5_000));
        long full = reads(make.apply(10_000));

        assertThat(full).as("characters read for 10,000 characters of %s", shape)
                .isLessThanOrEqualTo(MAX_READS_PER_CHARACTER * 10_000 * maxExpansion(make.apply(10_000)));
        assertThat((double) full / half).as("reads(10,000) / reads(5,000) for %s", shape).isLessThan(2.3);
    }

    /** How many reads classifying {@code message} takes, every pass counted. */
    static long reads(String message) {
        long[] count = new long[1];
        FeedbackClassifier.classify(message, text -> new CountingText(text, count));
        return count[0];
    }

    /** NFKC may turn one character into up to 18; the per-character bound is of the normalized text. */
    private static int maxExpansion(String message) {
        return Math.max(1, FeedbackClassifier.normalize(message).length() / message.length());
    }

    /** A view of a text that counts every character read from it. */
    private record CountingText(CharSequence text, long[] count) implements CharSequence {

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            count[0]++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            count[0] += end - start;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            count[0] += text.length();
            return text.toString();
        }
    }
}
