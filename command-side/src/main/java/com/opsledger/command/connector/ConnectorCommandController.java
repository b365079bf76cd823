package com.opsledger.command.connector;

import com.opsledger.command.CommandAccepted;
import com.opsledger.command.CommandSender;
import com.opsledger.command.EventPositions;
import com.opsledger.command.connector.delivery.DeliverySignature;
import com.opsledger.events.InvalidInput;
import com.opsledger.events.connector.AttemptTrigger;
import com.opsledger.events.connector.ConnectionDescription;
import com.opsledger.events.connector.ConnectorIds;
import com.opsledger.events.connector.SecretKind;
import com.opsledger.events.connector.VerificationScheme;
import com.opsledger.events.connector.command.CancelReplay;
import com.opsledger.events.connector.command.DescribeConnection;
import com.opsledger.events.connector.command.PauseDelivery;
import com.opsledger.events.connector.command.ReEnableEndpoint;
import com.opsledger.events.connector.command.RequestAttempt;
import com.opsledger.events.connector.command.ResumeDelivery;
import com.opsledger.events.connector.command.RotateConnectionSecret;
import com.opsledger.events.connector.command.StartReplay;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Operators' tools for connections and deliveries: pause and resume delivery, re-enable a disabled endpoint, rotate
 * a secret, redeliver one delivery now, replay the failed and skipped ones in bulk (and cancel that).
 * Each takes a reason and answers the position of its last event.
 */
@RestController
class ConnectorCommandController {

    private static final int MAX_REASON = 2000;
    /** How long a replaced secret stays live unless the operator says otherwise: Svix's 24 hours. */
    static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);

    record Reason(@NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /**
     * @param secret  the upstream's new secret (inbound only; a signing secret is made here)
     * @param overlap how long the replaced secret stays live
     */
    record Rotation(@NotNull SecretKind kind, @Size(min = 1, max = 500) String secret, Duration overlap,
                    @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /** @param since the replay takes up deliveries that failed or were skipped at or after this time */
    record Replay(@NotNull Instant since, @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /** @param signingSecret the new signing secret, for a signing rotation: the worker is to verify with it */
    record Rotated(String connectionId, String signingSecret, Instant previousValidUntil, long position) {
    }

    private final CommandSender commands;
    private final EventPositions positions;
    private final SecretSeal seal;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ConnectorCommandController(CommandSender commands, EventPositions positions, SecretSeal seal, Clock clock) {
        this.commands = commands;
        this.positions = positions;
        this.seal = seal;
        this.clock = clock;
    }

    @Operation(summary = "Pause a connection's deliveries",
            description = "New events are recorded and held, not delivered, until the connection is resumed.")
    @PostMapping("/api/v1/admin/connectors/connections/{connectionId}/pause")
    CommandAccepted pause(@PathVariable String connectionId, @Valid @RequestBody Reason body) {
        return connection(connectionId, new PauseDelivery(connectionId), body.reason());
    }

    /** Resumes delivery; the deliveries held meanwhile are made due again, in the background. */
    @Operation(summary = "Resume a connection's deliveries",
            description = "The deliveries held meanwhile are made due again in the background.")
    @PostMapping("/api/v1/admin/connectors/connections/{connectionId}/resume")
    CommandAccepted resume(@PathVariable String connectionId, @Valid @RequestBody Reason body) {
        return connection(connectionId, new ResumeDelivery(connectionId), body.reason());
    }

    @Operation(summary = "Re-enable a disabled endpoint",
            description = "An endpoint disabled after failing for days (or answering 410) takes deliveries again. 409 "
                    + "if it is not disabled.")
    @PostMapping("/api/v1/admin/connectors/connections/{connectionId}/re-enable")
    CommandAccepted reEnable(@PathVariable String connectionId, @Valid @RequestBody Reason body) {
        return connection(connectionId, new ReEnableEndpoint(connectionId), body.reason());
    }

    @Operation(summary = "Rotate a connection's secret",
            description = "inbound: the upstream's new secret; signing: OpsLedger makes a new one and answers it "
                    + "once. The replaced secret stays live for the overlap (default 24 h, at most 30 days).")
    @PostMapping("/api/v1/admin/connectors/connections/{connectionId}/rotate-secret")
    Rotated rotate(@PathVariable String connectionId, @Valid @RequestBody Rotation body) {
        ConnectorIds.requireConnection(connectionId);
        seal.requireKey();
        Duration overlap = body.overlap() == null ? DEFAULT_OVERLAP : body.overlap();
        if (overlap.isNegative() || overlap.compareTo(Connection.MAX_ROTATION_OVERLAP) > 0) {
            throw new InvalidInput("overlap", "must be from 0 to " + Connection.MAX_ROTATION_OVERLAP.toDays()
                    + " days");
        }
        if ((body.kind() == SecretKind.INBOUND) != (body.secret() != null)) {
            throw new InvalidInput("secret", body.kind() == SecretKind.INBOUND
                    ? "is the upstream's new secret, and required" : "is made by OpsLedger for a signing secret");
        }
        if (body.kind() == SecretKind.INBOUND) {
            VerificationScheme scheme = commands.<ConnectionDescription>send(new DescribeConnection(connectionId,
                    clock.instant())).scheme();
            String problem = scheme == VerificationScheme.NONE ? null : InboundVerifier.secretProblem(scheme,
                    body.secret());
            if (problem != null) {
                throw new InvalidInput("secret", problem);
            }
        }
        String secret = body.kind() == SecretKind.INBOUND ? body.secret() : DeliverySignature.newSecret(random);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        commands.send(new RotateConnectionSecret(connectionId, body.kind(), seal.seal(connectionId, secret),
                now.plus(overlap), now), body.reason());
        return new Rotated(connectionId, body.kind() == SecretKind.SIGNING ? secret : null, now.plus(overlap),
                positions.lastPositionOf(connectionId));
    }

    /** One attempt now, whatever the delivery's state but in flight; a success makes its scheduled retry needless. */
    @Operation(summary = "Deliver one event again now",
            description = "One attempt now, whatever the delivery's state, unless one is in flight (409); a success "
                    + "makes its scheduled retry needless.")
    @PostMapping("/api/v1/admin/connector-events/{deliveryId}/redeliver")
    CommandAccepted redeliver(@PathVariable String deliveryId, @Valid @RequestBody Reason body) {
        ConnectorIds.requireDelivery(deliveryId);
        commands.send(new RequestAttempt(deliveryId, AttemptTrigger.REDELIVERY, null,
                clock.instant().truncatedTo(ChronoUnit.MICROS)), body.reason());
        return new CommandAccepted(deliveryId, positions.lastPositionOf(deliveryId));
    }

    /**
     * Starts a background job that replays the connection's failed and skipped deliveries since a time, each once;
     * answers 202 with the job's id. Its progress is shown at {@code /api/v1/admin/connector-replays/{jobId}}.
     */
    @Operation(summary = "Replay failed and skipped deliveries",
            description = "Starts a background job that makes every delivery of the connection that failed or was "
                    + "skipped since the given time due again, once per job. 202 with the job's id.")
    @PostMapping("/api/v1/admin/connectors/connections/{connectionId}/replays")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CommandAccepted replay(@PathVariable String connectionId, @Valid @RequestBody Replay body) {
        ConnectorIds.requireConnection(connectionId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        commands.send(new DescribeConnection(connectionId, now)); // a 404 for no such connection, before a job starts
        String jobId = ConnectorIds.newReplayJob();
        commands.send(new StartReplay(jobId, connectionId, body.since(), now), body.reason());
        return new CommandAccepted(jobId, positions.lastPositionOf(jobId));
    }

    @Operation(summary = "Cancel a replay",
            description = "Stops a replay job that is still running; deliveries it made due already stay due.")
    @PostMapping("/api/v1/admin/connector-replays/{jobId}/cancel")
    CommandAccepted cancelReplay(@PathVariable String jobId, @Valid @RequestBody Reason body) {
        ConnectorIds.requireReplayJob(jobId);
        commands.send(new CancelReplay(jobId), body.reason());
        return new CommandAccepted(jobId, positions.lastPositionOf(jobId));
    }

    private CommandAccepted connection(String connectionId, Object command, String reason) {
        ConnectorIds.requireConnection(connectionId);
        commands.send(command, reason);
        return new CommandAccepted(connectionId, positions.lastPositionOf(connectionId));
    }
}
