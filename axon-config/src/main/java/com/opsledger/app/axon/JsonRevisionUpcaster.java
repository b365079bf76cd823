package com.opsledger.app.axon;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One step of an event schema change: events of the named types stored at revision {@code from} (null: never
 * revised) have their JSON payload edited into revision {@code to}. Subclasses name the types and the edits.
 */
abstract class JsonRevisionUpcaster extends SingleEventUpcaster {

    private final String from;
    private final String to;
    private final Map<String, Consumer<ObjectNode>> edits;

    JsonRevisionUpcaster(String from, String to, Map<Class<?>, Consumer<ObjectNode>> edits) {
        this.from = from;
        this.to = to;
        this.edits = edits.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().getName(), Map.Entry::getValue));
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return Objects.equals(event.getType().getRevision(), from) && edits.containsKey(event.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        Consumer<ObjectNode> edit = edits.get(event.getType().getName());
        return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), to), ObjectNode.class,
                payload -> {
                    edit.accept(payload);
                    return payload;
                });
    }
}
