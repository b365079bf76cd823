package com.opsledger.command;

import com.opsledger.events.InvalidInput;
import tools.jackson.databind.JsonNode;

/** Checks of JSON request fields that bean validation does not express, each naming the field at fault. */
public final class JsonInput {

    private JsonInput() {
    }

    /** Whether {@code text} holds nothing but white space and invisible formatting characters (zero-width space). */
    public static boolean isBlank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }

    /** The compact JSON text of an optional object field; null when absent. */
    public static String objectText(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidInput(field, "must be a JSON object");
        }
        return value.toString();
    }
}
