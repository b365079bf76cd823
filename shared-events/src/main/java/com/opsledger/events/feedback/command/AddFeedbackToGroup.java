package com.opsledger.events.feedback.command;

import com.opsledger.events.feedback.Classification;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Counts a feedback item into its group, creating the group on its first member; adding a member twice is a
 * no-op. Whether the group has become a burst is the group's burst policy's to say.
 */
public record AddFeedbackToGroup(@TargetAggregateIdentifier String groupId, String fingerprint,
                                 String feedbackId, Classification classification, Instant seenAt) {
}
