package com.opsledger.command.feedback;

/** What re-running the classifier over one item did. */
enum RerunOutcome {
    /** The verdict changed and a {@code FeedbackReclassified} was recorded. */
    RECLASSIFIED,
    /** The classifier says what it said before. */
    UNCHANGED,
    /** An operator classified the item, or it is done or archived: left as it is. */
    SKIPPED
}
