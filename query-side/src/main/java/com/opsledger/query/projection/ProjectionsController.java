package com.opsledger.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * For engineers: where each projection stands, and a rebuild from the first event (admin only). A rebuild resets the
 * processor's tokens; its {@code @ResetHandler} empties the tables, and the processor replays the whole history.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionsController {

    record ProjectionStatus(String name, boolean running, boolean replaying, Long position, long head) {
    }

    private final EventProcessingConfiguration processing;
    private final ProjectionProgress progress;
    private final List<String> names;

    ProjectionsController(EventProcessingConfiguration processing, ProjectionProgress progress,
                          ApplicationContext context) {
        this.processing = processing;
        this.progress = progress;
        this.names = List.copyOf(new TreeSet<>(Arrays.stream(context.getBeanNamesForAnnotation(ProcessingGroup.class))
                .map(bean -> context.findAnnotationOnBean(bean, ProcessingGroup.class).value())
                .toList()));
    }

    @GetMapping
    List<ProjectionStatus> projections() {
        long head = progress.headPosition();
        return names.stream().map(name -> {
            StreamingEventProcessor processor = processor(name);
            OptionalLong position = progress.position(name);
            return new ProjectionStatus(name, processor.isRunning(), processor.isReplaying(),
                    position.isPresent() ? position.getAsLong() : null, head);
        }).toList();
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionStatus rebuild(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return new ProjectionStatus(name, processor.isRunning(), processor.isReplaying(), null,
                progress.headPosition());
    }

    private StreamingEventProcessor processor(String name) {
        if (!names.contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No projection " + name);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "Projection " + name + " does not run on this node"));
    }
}
