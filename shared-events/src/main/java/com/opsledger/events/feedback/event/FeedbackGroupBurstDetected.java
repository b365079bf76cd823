package com.opsledger.events.feedback.event;

import java.time.Instant;

/** {@code membersInWindow} members arrived within {@code windowSeconds}: a burst. */
public record FeedbackGroupBurstDetected(String groupId, int membersInWindow, long windowSeconds,
                                         Instant detectedAt) {
}
