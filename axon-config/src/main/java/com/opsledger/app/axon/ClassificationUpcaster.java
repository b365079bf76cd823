package com.opsledger.app.axon;

import com.opsledger.events.feedback.event.FeedbackGroupOpened;
import com.opsledger.events.feedback.event.FeedbackReclassified;
import com.opsledger.events.feedback.event.FeedbackSubmitted;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Revision 2 of the feedback events that carry a {@code Classification}: it explains itself with
 * {@code findings}, and the classifier that made it is named. Events stored before have neither; they read as
 * classified by classifier version 1 with no findings recorded, and an earlier reclassification as an operator's
 * (the classifier did not reclassify stored feedback before).
 */
@Component
@Order(0)
class ClassificationUpcaster extends SingleEventUpcaster {

    static final String REVISION = "2";

    private static final Map<String, Consumer<ObjectNode>> UPCASTS = Map.of(
            FeedbackSubmitted.class.getName(), event -> {
                noFindings(event, "classification");
                event.put("classifierVersion", "1");
            },
            FeedbackReclassified.class.getName(), event -> {
                noFindings(event, "previous");
                noFindings(event, "classification");
                event.putNull("classifierVersion");
            },
            FeedbackGroupOpened.class.getName(), event -> noFindings(event, "classification"));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getRevision() == null && UPCASTS.containsKey(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        Consumer<ObjectNode> upcast = UPCASTS.get(event.getType().getName());
        return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), REVISION), ObjectNode.class,
                payload -> {
                    upcast.accept(payload);
                    return payload;
                });
    }

    private static void noFindings(ObjectNode event, String classification) {
        if (event.get(classification) instanceof ObjectNode node && !node.has("findings")) {
            node.putArray("findings");
        }
    }
}
