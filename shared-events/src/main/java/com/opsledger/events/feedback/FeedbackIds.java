package com.opsledger.events.feedback;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ids of feedback items ({@value #FEEDBACK}…) and of their duplicate groups ({@value #GROUP}…). Ids of every
 * kind share the event store, so the prefix tells which kind an id names.
 */
public final class FeedbackIds {

    public static final String FEEDBACK = "fb-";
    public static final String GROUP = "grp-";

    private FeedbackIds() {
    }

    /** One item per submission id: a retry of the same submission names the same item. */
    public static String forSubmission(String submissionId) {
        return FEEDBACK + UUID.nameUUIDFromBytes(("feedback:" + submissionId).getBytes(StandardCharsets.UTF_8));
    }

    /** One group per fingerprint. */
    public static String groupFor(String fingerprint) {
        return GROUP + fingerprint;
    }

    public static boolean isFeedback(String id) {
        return id.startsWith(FEEDBACK);
    }

    public static boolean isGroup(String id) {
        return id.startsWith(GROUP);
    }
}
