package com.opsledger.events.feedback;

/** What an operator decides for every open member of a duplicate/burst group at once. */
public enum GroupDecision {
    /** Move each open member to triaged. */
    TRIAGE,
    /** Archive each open member as a duplicate of the group. */
    ARCHIVE_DUPLICATES
}
