package com.opsledger.events.feedback.event;

import com.opsledger.events.feedback.Classification;

import org.axonframework.serialization.Revision;

/** @param classification the classification of the first member, which names the group in the queue */
@Revision("2")
public record FeedbackGroupOpened(String groupId, String fingerprint, Classification classification) {
}
