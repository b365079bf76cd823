package com.opsledger.app.axon;

import com.opsledger.events.feedback.event.FeedbackGroupOpened;
import com.opsledger.events.feedback.event.FeedbackReclassified;
import com.opsledger.events.feedback.event.FeedbackSubmitted;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Revision 2 of the feedback events that carry a {@code Classification}: it explains itself with
 * {@code findings}, and the classifier that made it is named. Events stored before have neither; they read as
 * classified by classifier version 1 with no findings recorded, and an earlier reclassification as an operator's
 * (the classifier did not reclassify stored feedback before).
 */
@Component
@Order(1)
class ClassificationUpcaster extends JsonRevisionUpcaster {

    static final String REVISION = "2";

    ClassificationUpcaster() {
        super(null, REVISION, Map.of(
                FeedbackSubmitted.class, event -> {
                    noFindings(event, "classification");
                    event.put("classifierVersion", "1");
                },
                FeedbackReclassified.class, event -> {
                    noFindings(event, "previous");
                    noFindings(event, "classification");
                    event.putNull("classifierVersion");
                },
                FeedbackGroupOpened.class, event -> noFindings(event, "classification")));
    }

    private static void noFindings(ObjectNode event, String classification) {
        if (event.get(classification) instanceof ObjectNode node && !node.has("findings")) {
            node.putArray("findings");
        }
    }
}
