package com.opsledger.events.feedback;

/** @param classification the classification of the first member, which names the group in the queue */
public record FeedbackGroupOpened(String groupId, String fingerprint, Classification classification) {
}
