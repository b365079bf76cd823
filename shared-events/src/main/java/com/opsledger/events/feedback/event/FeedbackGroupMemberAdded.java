package com.opsledger.events.feedback.event;

import java.time.Instant;

public record FeedbackGroupMemberAdded(String groupId, String feedbackId, int memberCount, Instant seenAt) {
}
