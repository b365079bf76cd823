package com.opsledger.command.feedback;

/** What re-running the classifier over one item did. */
enum RerunOutcome {
    /** The verdict changed and a {@code FeedbackReclassified} was recorded. */
    RECLASSIFIED,
    /** The verdict stands, and now says why: a {@code FeedbackReclassified} added the findings an older version lacked. */
    EXPLAINED,
    /** The classifier says what it said before. */
    UNCHANGED,
    /** An operator classified the item, or it is done or archived: left as it is. */
    SKIPPED
}
