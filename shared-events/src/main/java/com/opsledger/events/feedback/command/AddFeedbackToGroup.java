package com.opsledger.events.feedback.command;

import com.opsledger.events.feedback.Classification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts a feedback item into its group, creating the group on its first member; adding a member twice is a
 * no-op. A burst is {@code burstThreshold} members seen within {@code burstWindow}.
 */
public record AddFeedbackToGroup(@TargetAggregateIdentifier String groupId, String fingerprint,
                                 String feedbackId, Classification classification, Instant seenAt,
                                 int burstThreshold, Duration burstWindow) {
}
