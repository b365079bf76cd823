package com.opsledger.events.connector;

import java.time.Instant;
import java.util.List;

/**
 * The first webhook refused in a window, as a sample of what was sent: its size and hash but never its payload, and
 * its headers abbreviated (credentials left out), so that an operator can tell a misconfigured sender from a probe.
 *
 * @param upstreamId the event id the request claimed, abbreviated; null when it claimed none
 */
public record RefusalSample(VerificationPosture posture, String upstreamId, int payloadBytes, String payloadHash,
                            String sourceIp, Instant receivedAt, List<Header> headers) {

    /** One request header as it was sent, abbreviated to {@code RefusalSample}'s limits. */
    public record Header(String name, String value) {
    }
}
