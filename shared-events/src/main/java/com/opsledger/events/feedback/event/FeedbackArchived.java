package com.opsledger.events.feedback.event;

import org.axonframework.serialization.Revision;

/**
 * @param duplicateOfGroup the group it was archived as a duplicate of, or null for a resolved item
 * @param decisionSequence the sequence number of that group's decision; null for a resolved item, and for
 *                         decisions applied before revision 2
 */
@Revision("2")
public record FeedbackArchived(String feedbackId, String duplicateOfGroup, Long decisionSequence) {
}
