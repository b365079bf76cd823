package com.opsledger.app.security;

/**
 * The character rules of Spring's {@code StrictHttpFirewall} for header names, header values and parameter names,
 * as loops. Its defaults are regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, tab also allowed in
 * values) that took a fifth of a read's profile samples on a bearer token's Authorization header, which is checked
 * twice per request.
 */
final class FirewallCharacters {

    private FirewallCharacters() {
    }

    /** Every code point assigned and no control character: header and parameter names. */
    static boolean assignedAndNotControl(String text) {
        return allAllowed(text, false);
    }

    /** The same, tab also allowed: header values. */
    static boolean headerValue(String text) {
        return allAllowed(text, true);
    }

    private static boolean allAllowed(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tabAllowed && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
