package com.opsledger.app.axon;

import com.opsledger.events.feedback.event.FeedbackArchived;
import com.opsledger.events.feedback.event.FeedbackGroupDecided;
import com.opsledger.events.feedback.event.FeedbackTriaged;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Revision 2 of the events of a group decision, now applied to its members asynchronously: the decision says that
 * the group records its progress, and each member's event names the decision ({@code decisionSequence}), so that a
 * decision applied again changes nothing. Before, decisions were applied within the operator's request and never
 * again; those read as such.
 */
@Component
@Order(1)
class GroupDecisionFanOutUpcaster extends JsonRevisionUpcaster {

    GroupDecisionFanOutUpcaster() {
        super(null, "2", Map.of(
                FeedbackGroupDecided.class, event -> event.put("progressReported", false),
                FeedbackTriaged.class, event -> event.putNull("decisionSequence"),
                FeedbackArchived.class, event -> event.putNull("decisionSequence")));
    }
}
