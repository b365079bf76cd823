package com.opsledger.events.feedback.event;

import com.opsledger.events.feedback.GroupDecision;

import java.util.List;

/** An operator decided the group; the decision goes to each of {@code memberIds} that is still open. */
public record FeedbackGroupDecided(String groupId, GroupDecision decision, List<String> memberIds) {
}
