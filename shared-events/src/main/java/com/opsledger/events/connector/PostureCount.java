package com.opsledger.events.connector;

/** How many webhooks of a window were refused with this posture. */
public record PostureCount(VerificationPosture posture, int count) {
}
