package com.opsledger.app.axon;

import com.opsledger.events.feedback.Classification;
import com.opsledger.events.feedback.event.FeedbackArchived;
import com.opsledger.events.feedback.event.FeedbackGroupDecided;
import com.opsledger.events.feedback.event.FeedbackGroupOpened;
import com.opsledger.events.feedback.event.FeedbackReclassified;
import com.opsledger.events.feedback.event.FeedbackSubmitted;
import com.opsledger.events.feedback.event.FeedbackTriaged;
import com.opsledger.events.feedback.SecurityClass;
import com.opsledger.events.feedback.Severity;
import com.opsledger.events.feedback.SignalCategory;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored before revision 2, as the JSON fixtures under {@code upcasting/} hold them (under their classes'
 * names before the move into {@code event}), read through the upcaster chain as today's revision 2.
 */
class EventUpcastingTest {

    private static final Classification PROBE =
            new Classification(List.of(SecurityClass.SQL), SignalCategory.SECURITY_PROBE, Severity.CRITICAL);

    /** In the order the application registers them. */
    private static final EventUpcasterChain CHAIN = new EventUpcasterChain(new MovedEventTypesUpcaster(),
            new ClassificationUpcaster(), new GroupDecisionFanOutUpcaster());

    private final Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void aSubmissionStoredBeforeRevisionTwoReadsAsClassifiedByVersionOneWithoutFindings() throws IOException {
        FeedbackSubmitted event = upcast(FeedbackSubmitted.class);

        assertThat(event.classification()).isEqualTo(PROBE);
        assertThat(event.classification().findings()).isEmpty();
        assertThat(event.classifierVersion()).isEqualTo("1");
        assertThat(event.message()).isEqualTo("' OR 1=1 --");
        assertThat(event.submittedAt()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    }

    @Test
    void aReclassificationStoredBeforeRevisionTwoReadsAsAnOperators() throws IOException {
        FeedbackReclassified event = upcast(FeedbackReclassified.class);

        assertThat(event.previous()).isEqualTo(PROBE);
        assertThat(event.classification().signal()).isEqualTo(SignalCategory.PRODUCT_SIGNAL);
        assertThat(event.classifierVersion()).isNull();
    }

    @Test
    void aGroupOpenedBeforeRevisionTwoKeepsItsClassification() throws IOException {
        assertThat(upcast(FeedbackGroupOpened.class).classification()).isEqualTo(PROBE);
    }

    @Test
    void aGroupDecisionTakenBeforeRevisionTwoReadsAsAppliedWithinItsRequest() throws IOException {
        FeedbackGroupDecided event = upcast(FeedbackGroupDecided.class);

        assertThat(event.memberIds()).containsExactly("fb-1", "fb-2");
        assertThat(event.progressReported()).isFalse();
    }

    @Test
    void memberEventsOfADecisionBeforeRevisionTwoNameNoDecision() throws IOException {
        assertThat(upcast(FeedbackTriaged.class)).isEqualTo(new FeedbackTriaged("fb-1", "grp-cb5d0abaf67c1806936b3b14", null));
        assertThat(upcast(FeedbackArchived.class))
                .isEqualTo(new FeedbackArchived("fb-1", "grp-cb5d0abaf67c1806936b3b14", null));
    }

    @Test
    void revisionTwoEventsPassUnchanged() {
        FeedbackGroupOpened current = new FeedbackGroupOpened("grp-1", "fp", PROBE);
        var stored = serializer.serialize(current, String.class);

        IntermediateEventRepresentation read = CHAIN.upcast(Stream.of(
                representation(stored.getType().getName(), stored.getType().getRevision(), stored.getData()))).findFirst().orElseThrow();

        assertThat(read.getType().getRevision()).isEqualTo(ClassificationUpcaster.REVISION);
        assertThat((Object) serializer.deserialize(read.getData())).isEqualTo(current);
    }

    private <T> T upcast(Class<T> type) throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/upcasting/" + type.getSimpleName() + "-1.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // As first stored: under the package the class had then, without a revision.
        String storedName = "com.opsledger.events.feedback." + type.getSimpleName();
        IntermediateEventRepresentation read = CHAIN.upcast(Stream.of(representation(storedName, null, json)))
                .findFirst().orElseThrow();
        assertThat(read.getType().getName()).isEqualTo(type.getName());
        assertThat(read.getType().getRevision()).isEqualTo("2");
        return type.cast(serializer.deserialize(read.getData()));
    }

    private InitialEventRepresentation representation(String type, String revision, String json) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Feedback", "fb-1", 0, "event-1",
                Instant.parse("2026-11-24T08:00:00Z"), type, revision, json, "{}"), serializer);
    }
}
