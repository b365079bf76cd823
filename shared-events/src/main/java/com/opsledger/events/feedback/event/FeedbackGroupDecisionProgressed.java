package com.opsledger.events.feedback.event;

/**
 * The fan-out of the group's decision at {@code decisionSequence} has reached {@code changed + leftAlone} of its
 * members: {@code changed} followed it, {@code leftAlone} were no longer open. {@code finished} when all are reached.
 */
public record FeedbackGroupDecisionProgressed(String groupId, long decisionSequence, int changed, int leftAlone,
                                              boolean finished) {
}
