package com.opsledger.app.axon;

import com.opsledger.events.feedback.event.FeedbackArchived;
import com.opsledger.events.feedback.event.FeedbackAssigned;
import com.opsledger.events.feedback.event.FeedbackCompleted;
import com.opsledger.events.feedback.event.FeedbackGroupBurstDetected;
import com.opsledger.events.feedback.event.FeedbackGroupDecided;
import com.opsledger.events.feedback.event.FeedbackGroupMemberAdded;
import com.opsledger.events.feedback.event.FeedbackGroupOpened;
import com.opsledger.events.feedback.event.FeedbackHandedOff;
import com.opsledger.events.feedback.event.FeedbackReclassified;
import com.opsledger.events.feedback.event.FeedbackReopened;
import com.opsledger.events.feedback.event.FeedbackSubmitted;
import com.opsledger.events.feedback.event.FeedbackTriaged;
import com.opsledger.events.feedback.event.FeedbackWorkStarted;
import com.opsledger.events.notification.event.NotificationAcknowledged;
import com.opsledger.events.notification.event.NotificationReceived;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The events moved from their area's package into its {@code event} subpackage (issue 11); every stored event names
 * its class in {@code payload_type}, so the history written before names the old package. This renames the type as
 * the event is read, before any other upcaster sees it (those know only today's names); the revision and the
 * payload stay as stored. The stored rows are never rewritten: they are the audit trail.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MovedEventTypesUpcaster extends SingleEventUpcaster {

    /** Old name → today's name, for every event class that moved. */
    static final Map<String, String> RENAMED = Stream.of(FeedbackArchived.class, FeedbackAssigned.class,
                    FeedbackCompleted.class, FeedbackGroupBurstDetected.class, FeedbackGroupDecided.class,
                    FeedbackGroupMemberAdded.class, FeedbackGroupOpened.class, FeedbackHandedOff.class,
                    FeedbackReclassified.class, FeedbackReopened.class, FeedbackSubmitted.class, FeedbackTriaged.class,
                    FeedbackWorkStarted.class, NotificationAcknowledged.class, NotificationReceived.class)
            .collect(Collectors.toUnmodifiableMap(MovedEventTypesUpcaster::nameBeforeTheMove, Class::getName));

    private static String nameBeforeTheMove(Class<?> event) {
        String areaPackage = event.getPackageName().substring(0, event.getPackageName().lastIndexOf('.'));
        return areaPackage + "." + event.getSimpleName();
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return RENAMED.containsKey(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return renamed(event, event.getData().getContentType());
    }

    /** The payload as it is (in whatever form it was read), under today's type name. */
    private static <T> IntermediateEventRepresentation renamed(IntermediateEventRepresentation event, Class<T> form) {
        return event.upcastPayload(new SimpleSerializedType(RENAMED.get(event.getType().getName()),
                event.getType().getRevision()), form, Function.identity());
    }
}
