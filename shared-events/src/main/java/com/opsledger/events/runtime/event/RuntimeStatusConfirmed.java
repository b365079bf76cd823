package com.opsledger.events.runtime.event;

import java.time.Instant;

/**
 * The platform reported a job's or sandbox's status again, unchanged, as observed at {@code observedAt}: the newest
 * observation, which any report observed before it no longer outranks.
 */
public record RuntimeStatusConfirmed(String runtimeId, Instant observedAt) {
}
