package com.opsledger.app.security;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The loops accept exactly what Spring's default firewall patterns accept. */
class FirewallCharactersTest {

    // StrictHttpFirewall's defaults (spring-security-web 7.0)
    private static final Pattern SPRING_NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern SPRING_HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsSpringJudgesIt() {
        for (String text : samples()) {
            assertThat(FirewallCharacters.assignedAndNotControl(text)).as("name %s", escaped(text))
                    .isEqualTo(SPRING_NAMES.matcher(text).matches());
            assertThat(FirewallCharacters.headerValue(text)).as("value %s", escaped(text))
                    .isEqualTo(SPRING_HEADER_VALUES.matcher(text).matches());
        }
    }

    @Test
    void controlCharactersAreRejectedAndTokensAccepted() {
        assertThat(FirewallCharacters.headerValue("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln")).isTrue();
        assertThat(FirewallCharacters.headerValue("a\tb")).isTrue();
        assertThat(FirewallCharacters.assignedAndNotControl("a\tb")).isFalse();
        assertThat(FirewallCharacters.headerValue("evil\r\nSet-Cookie: x")).isFalse();
        assertThat(FirewallCharacters.headerValue("nul\u0000")).isFalse();
        assertThat(FirewallCharacters.assignedAndNotControl("unassigned\u0378")).isFalse();
    }

    /** Every code point alone and inside text, every lone surrogate, and surrogate pairs. */
    private static List<String> samples() {
        List<String> samples = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint += codePoint < 0x10000 ? 1 : 97) {
            String alone = new String(Character.toChars(codePoint));
            samples.add(alone);
            samples.add("ok " + alone + " ok");
        }
        samples.add("\uD83D\uDE00 emoji");
        samples.add("lone high \uD83D then text");
        samples.add("lone low \uDE00");
        samples.add("");
        return samples;
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.append(cp < 0x20 || cp > 0x7e ? String.format("\\u{%x}", cp) : (char) cp));
        return out.toString();
    }
}
