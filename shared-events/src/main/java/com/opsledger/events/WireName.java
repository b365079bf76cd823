package com.opsledger.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The lower-case names enums carry on the HTTP API ({@code in_progress}, {@code security_probe}); the event store
 * keeps Java's own constant names.
 */
public final class WireName {

    private WireName() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire name given for {@code field}, or throws {@link InvalidInput} listing the accepted names. */
    public static <E extends Enum<E>> E parse(String field, Class<E> type, String wire) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(wire)) {
                return constant;
            }
        }
        throw new InvalidInput(field, "'" + wire + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(WireName::of).collect(Collectors.joining(", ")));
    }
}
