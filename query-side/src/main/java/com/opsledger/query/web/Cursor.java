package com.opsledger.query.web;

import com.opsledger.events.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging: an opaque cursor holds the sort key of the last row served, and the next page continues after it.
 * Stable under inserts, and as fast on page 1,000 as on page 1.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(Object... sortKey) {
        String joined = String.join(SEPARATOR, java.util.Arrays.stream(sortKey).map(String::valueOf).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor's sort key with {@code reader}; a cursor that is not one this API issued (wrong part count,
     * unreadable parts) is a 400 naming the cursor parameter.
     */
    public static <T> T decode(String cursor, int parts, Function<List<String>, T> reader) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = List.of(joined.split(SEPARATOR, -1));
            if (values.size() != parts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return reader.apply(values);
        } catch (RuntimeException e) {
            throw new InvalidInput("cursor", "is not a cursor this API issued");
        }
    }
}
