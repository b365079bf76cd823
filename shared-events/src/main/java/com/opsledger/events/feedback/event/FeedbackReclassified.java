package com.opsledger.events.feedback.event;

import com.opsledger.events.feedback.Classification;

import org.axonframework.serialization.Revision;

/**
 * The classification of one item changed: by an operator (the reason is in the metadata), or by a newer classifier
 * re-run over stored feedback (actor {@code classifier}).
 *
 * @param classifierVersion the classifier's version when it made the change; null when an operator did
 */
@Revision("2")
public record FeedbackReclassified(String feedbackId, Classification previous, Classification classification,
                                   String classifierVersion) {
}
