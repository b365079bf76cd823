package com.opsledger.query.feedback;

import com.opsledger.events.AggregateTypes;
import com.opsledger.query.projection.ReadModel;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModelVersions;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Set;

/**
 * Version 2 of the feedback queue ({@value #TABLE}): version 1's rows and the seconds from each item's submission to
 * its first triage, derived from the events already stored. Built beside version 1, which readers read until this
 * one has caught up ({@link ReadModelVersions}); version 1 goes on being kept meanwhile.
 */
@Component
@ProcessingGroup(FeedbackQueueV2Projection.NAME)
class FeedbackQueueV2Projection extends FeedbackQueueProjection implements ReadModelVersions.Successor {

    static final String NAME = "feedback-queue-v2";
    static final String TABLE = "read_model.feedback_v2";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.FEEDBACK));
    /** The read model its readers know, of which this is the version after {@link FeedbackQueueProjection}. */
    static final ReadModelVersions.Succession SUCCESSION = new ReadModelVersions.Succession("feedback-queue",
            FeedbackQueueProjection.NAME, NAME, Map.of(FeedbackQueueProjection.TABLE, TABLE));

    FeedbackQueueV2Projection(ReadModelTables tables, JsonMapper json) {
        super(tables, json, TABLE, true);
    }

    @Override
    public ReadModelVersions.Succession succession() {
        return SUCCESSION;
    }
}
