package com.opsledger.command.feedback;

import com.opsledger.events.feedback.event.FeedbackSubmitted;

/** The feedback as recorded, and whether this submission recorded it (false for a repeat). */
record SubmissionReceipt(FeedbackSubmitted feedback, boolean created) {
}
