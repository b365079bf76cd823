package com.opsledger.events.feedback.event;

import org.axonframework.serialization.Revision;

/**
 * @param groupId          the group whose decision triaged it, or null when triaged on its own
 * @param decisionSequence that decision's sequence number in the group's history; null when triaged on its own,
 *                         and for decisions applied before revision 2
 */
@Revision("2")
public record FeedbackTriaged(String feedbackId, String groupId, Long decisionSequence) {
}
