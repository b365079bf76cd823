package com.opsledger.events.feedback;

/** Where a feedback item stands in the triage workflow: open → triaged → in_progress → done → archived. */
public enum FeedbackState {
    OPEN, TRIAGED, IN_PROGRESS, DONE, ARCHIVED
}
