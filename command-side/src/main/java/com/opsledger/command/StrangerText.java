package com.opsledger.command;

/** Text from an unverified or refused sender, as it may be recorded and shown: printable ASCII, abbreviated. */
public final class StrangerText {

    private StrangerText() {
    }

    /** {@code text} with every character outside printable ASCII as {@code ?}, cut to {@code max} with an ellipsis. */
    public static String printable(String text, int max) {
        StringBuilder shown = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            shown.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return text.length() > max ? shown.append('…').toString() : shown.toString();
    }
}
