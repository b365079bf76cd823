package com.opsledger.events.runtime;

import org.axonframework.modelling.command.AggregateNotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/** The ids of runtime jobs ({@value #JOB}…) and sandboxes ({@value #SANDBOX}…), one per platform id of its kind. */
public final class RuntimeIds {

    public static final String JOB = "job-";
    public static final String SANDBOX = "sbx-";

    private RuntimeIds() {
    }

    public static String of(RuntimeKind kind, String platformId) {
        return prefix(kind) + UUID.nameUUIDFromBytes(("runtime:" + kind.name().toLowerCase(Locale.ROOT) + ":"
                + platformId).getBytes(StandardCharsets.UTF_8));
    }

    public static void require(RuntimeKind kind, String id) {
        if (!id.startsWith(prefix(kind))) {
            throw new AggregateNotFoundException(id, "no such " + kind.name().toLowerCase(Locale.ROOT));
        }
    }

    private static String prefix(RuntimeKind kind) {
        return kind == RuntimeKind.JOB ? JOB : SANDBOX;
    }
}
