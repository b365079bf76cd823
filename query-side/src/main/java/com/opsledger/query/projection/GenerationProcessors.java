package com.opsledger.query.projection;

import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.List;

/**
 * Makes the processor that builds a new generation of a read model: a tracking processor named {@code processorName}
 * over the whole history, with the live processing group's segments, threads and batch size, its own tokens and its
 * own dead-letter queue, running {@code handlers}. Implemented where Axon is wired (axon-config).
 */
public interface GenerationProcessors {

    StreamingEventProcessor create(String processorName, String liveGroup, List<Object> handlers);
}
