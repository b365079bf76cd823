package com.opsledger.command.feedback.probes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Excerpts are shown to operators and stored as JSON: whatever the decoded text held, they are safe text. */
class FindingsTest {

    @Test
    void controlCharactersShowAsTheirPictures() {
        assertThat(Findings.excerpt("../etc/passwd\u0000.png\u007F", 0, 100)).isEqualTo("../etc/passwd\u2400.png\u2421");
    }

    @Test
    void aSurrogateWithoutItsPairBecomesAReplacementCharacter() {
        assertThat(Findings.excerpt("a\uD800b\uDC00c", 0, 5)).isEqualTo("a\uFFFDb\uFFFDc");
    }

    @Test
    void aPairIsNeverCutInTwo() {
        String emoji = "\uD83D\uDE00";
        assertThat(Findings.excerpt("ab" + emoji + "cd", 0, 3)).isEqualTo("ab");
        assertThat(Findings.excerpt("ab" + emoji + "cd", 0, 4)).isEqualTo("ab" + emoji);
    }
}
