package com.opsledger.query.connector;

import com.opsledger.events.connector.ConnectionStatus;
import com.opsledger.events.connector.DeliveryStatus;
import com.opsledger.events.connector.VerificationPosture;
import com.opsledger.query.projection.ProjectionProgress;
import com.opsledger.query.projection.ReadModel;
import com.opsledger.query.runtime.RuntimeTaskProjection;
import com.opsledger.query.sql.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;

import static com.opsledger.query.sql.SqlValues.wire;

/**
 * The connector screens: connector event deliveries (failures first) with every attempt, the catalog and its
 * connections with their health, and the runtime view of queues and stalled attempts.
 */
@RestController
class ConnectorController {

    /** The catalog as the connections show it, and the connections (paged) with their health. */
    record Connectors(List<ConnectorQueries.CatalogItem> catalog, Page<ConnectorQueries.ConnectionItem> connections) {
    }

    enum Sort { FAILURES, NEWEST }

    enum ReplayState { RUNNING, FINISHED, CANCELED }

    private static final List<ReadModel> READ_MODELS = List.of(ConnectorEventProjection.READ_MODEL,
            ConnectionProjection.READ_MODEL, ConnectorCatalogProjection.READ_MODEL);

    private final ConnectorQueries queries;
    private final RuntimeQueries runtime;
    private final ProjectionProgress progress;

    ConnectorController(ConnectorQueries queries, RuntimeQueries runtime, ProjectionProgress progress) {
        this.queries = queries;
        this.runtime = runtime;
        this.progress = progress;
    }

    /**
     * Deliveries with their attempts so far, last status and next attempt; failures first unless {@code sort=newest}.
     *
     * @param eventId the upstream's event id
     */
    @Operation(summary = "List connector event deliveries",
            description = "Deliveries with their attempts, last status and next attempt, failures first (or newest), "
                    + "filtered by connector, connection, org, status, upstream event id, posture and time; paged.")
    @GetMapping("/api/v1/admin/connector-events")
    Page<ConnectorQueries.DeliveryItem> deliveries(@RequestParam(required = false) String connector,
                                                   @RequestParam(required = false) String connectionId,
                                                   @RequestParam(required = false) String orgId,
                                                   @RequestParam(required = false) DeliveryStatus status,
                                                   @RequestParam(required = false) String eventId,
                                                   @RequestParam(required = false) VerificationPosture posture,
                                                   @RequestParam(required = false) Instant since,
                                                   @RequestParam(required = false) Sort sort,
                                                   @RequestParam(required = false) Integer limit,
                                                   @RequestParam(required = false) String cursor,
                                                   @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        return queries.deliveries(new ConnectorQueries.DeliveryFilter(connector, connectionId, orgId, wire(status),
                eventId, wire(posture), since), sort != Sort.NEWEST, limit, cursor);
    }

    /** Bulk replays, newest first: running, finished or canceled, with how many deliveries each replayed. */
    @Operation(summary = "List replay jobs",
            description = "The replay jobs of connections, newest first, with their state and progress.")
    @GetMapping("/api/v1/admin/connector-replays")
    Page<ConnectorQueries.ReplayItem> replays(@RequestParam(required = false) String connectionId,
                                              @RequestParam(required = false) ReplayState state,
                                              @RequestParam(required = false) Integer limit,
                                              @RequestParam(required = false) String cursor,
                                              @RequestParam(required = false) Long minPosition) {
        progress.await(ReplayJobProjection.READ_MODEL, minPosition);
        return queries.replays(connectionId, wire(state), limit, cursor);
    }

    @Operation(summary = "Show one replay job",
            description = "State (running, finished, canceled), deliveries replayed and passed over, who started it "
                    + "and why.")
    @GetMapping("/api/v1/admin/connector-replays/{jobId}")
    ConnectorQueries.ReplayItem replay(@PathVariable String jobId, @RequestParam(required = false) Long minPosition) {
        progress.await(ReplayJobProjection.READ_MODEL, minPosition);
        return queries.replay(jobId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No replay " + jobId));
    }

    @Operation(summary = "Show one delivery",
            description = "The delivery with every attempt: trigger, actor, outcome, reason, status code, duration "
                    + "and the first KiB of the worker's answer.")
    @GetMapping("/api/v1/admin/connector-events/{id}")
    ConnectorQueries.DeliveryDetail delivery(@PathVariable String id,
                                             @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        return queries.delivery(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No delivery " + id));
    }

    @Operation(summary = "Show the connector catalog and connections",
            description = "Each connector's version and health and its connections by state, and each connection's "
                    + "health: status, pause, disable, failures, success rate, latency, queue depth and inbound "
                    + "posture counts.")
    @GetMapping("/api/v1/admin/connectors")
    Connectors connectors(@RequestParam(required = false) String connector,
                          @RequestParam(required = false) String orgId,
                          @RequestParam(required = false) ConnectionStatus status,
                          @RequestParam(required = false) Boolean disabled,
                          @RequestParam(required = false) Boolean paused,
                          @RequestParam(required = false) Integer limit,
                          @RequestParam(required = false) String cursor,
                          @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        return new Connectors(queries.catalog(), queries.connections(new ConnectorQueries.ConnectionFilter(connector,
                orgId, wire(status), disabled, paused), limit, cursor));
    }

    /** Queue depth per connection and per runtime worker (spikes flagged), and the attempts stalled or overdue. */
    @Operation(summary = "Show runtime queues",
            description = "Queue depth per connection and per runtime worker, with spikes, attempts stalled in the "
                    + "last hour and attempts overdue.")
    @GetMapping("/api/v1/admin/runtime")
    RuntimeQueries.Runtime runtime(@RequestParam(required = false) Long minPosition) {
        await(minPosition);
        progress.await(RuntimeTaskProjection.READ_MODEL, minPosition);
        return runtime.now();
    }

    private void await(Long minPosition) {
        progress.await(READ_MODELS, minPosition);
    }
}
