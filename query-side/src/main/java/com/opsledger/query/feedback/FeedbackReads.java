package com.opsledger.query.feedback;

import com.opsledger.query.projection.ProjectionProgress;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** What every read of the feedback views does first, and how it says "no such thing". */
final class FeedbackReads {

    private FeedbackReads() {
    }

    /**
     * Read-your-writes: the queue's rows (of the version readers read) join the groups', and an item's timeline is
     * kept by version 1's processing group, so each of those must have passed the position.
     */
    static void await(ProjectionProgress progress, FeedbackQueries queries, Long minPosition) {
        FeedbackQueries.QueueVersion version = queries.queueVersion();
        progress.await(version.readModel(), minPosition);
        if (version != FeedbackQueries.V1) {
            progress.await(FeedbackQueueProjection.READ_MODEL, minPosition);
        }
        progress.await(FeedbackGroupProjection.READ_MODEL, minPosition);
    }

    static ResponseStatusException notFound(String what, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " " + id);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
