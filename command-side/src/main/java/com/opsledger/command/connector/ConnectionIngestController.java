package com.opsledger.command.connector;

import com.opsledger.command.CommandSender;
import com.opsledger.command.ContentHash;
import com.opsledger.command.EventPositions;
import com.opsledger.command.ReportedTimes;
import com.opsledger.command.connector.delivery.DeliverySignature;
import com.opsledger.command.connector.delivery.EndpointAddresses;
import com.opsledger.events.InvalidInput;
import com.opsledger.events.WireName;
import com.opsledger.events.connector.ConnectionStatus;
import com.opsledger.events.connector.ConnectorHealth;
import com.opsledger.events.connector.ConnectorIds;
import com.opsledger.events.connector.RetrySchedule;
import com.opsledger.events.connector.VerificationScheme;
import com.opsledger.events.connector.command.RegisterConnection;
import com.opsledger.events.connector.command.ReportConnector;
import com.opsledger.events.connector.command.ReportConnectionStatus;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The platform registers connections, reports their status and keeps the connector catalog here, with its service
 * credential. A registration
 * names its own id, so a retry answers as the first call did (200 instead of 201) and records nothing; each answer
 * carries the connection's signing secret, which its worker verifies deliveries with.
 */
@RestController
class ConnectionIngestController {

    static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    /** A connector's catalog name: github, slack, gmail, stripe. */
    private static final String CONNECTOR = "[a-z0-9][a-z0-9_-]{0,63}";

    record ScheduleInput(@NotEmpty @Size(max = RetrySchedule.MAX_ATTEMPTS) List<@NotNull Duration> delays,
                         @NotNull Double jitter) {
        RetrySchedule toSchedule() {
            return new RetrySchedule(delays, jitter);
        }
    }

    record RegistrationRequest(@NotBlank @Size(max = 200) String id,
                               @NotNull @Pattern(regexp = CONNECTOR) String connector,
                               @NotBlank @Size(max = 200) String orgId,
                               @NotBlank @Size(max = 200) String workspaceId,
                               @NotBlank @Size(max = 2000) String endpointUrl,
                               @NotNull VerificationScheme scheme,
                               @Size(min = 1, max = 500) String inboundSecret,
                               @Valid ScheduleInput retrySchedule,
                               Boolean retryClientErrors,
                               Duration attemptTimeout) {
    }

    /** @param webhookPath where the upstream sends this connection's webhooks */
    record Registration(String connectionId, String id, boolean created, String signingSecret, String webhookPath,
                        long position) {
    }

    record StatusReport(@NotNull ConnectionStatus status, @NotNull Instant observedAt) {
    }

    record ConnectorReport(@NotNull @Pattern(regexp = CONNECTOR) String name,
                           @NotNull @Pattern(regexp = "[\\x21-\\x7e]{1,100}") String version,
                           @NotNull ConnectorHealth health, @NotNull Instant observedAt,
                           @Size(max = 2000) String detail) {
    }

    record ConnectorReceipt(String connectorId, String name, boolean changed, long position) {
    }

    record StatusReceipt(String connectionId, boolean changed, long position) {
    }

    private final CommandSender commands;
    private final EventPositions positions;
    private final SecretSeal seal;
    private final ConnectorSettings settings;
    private final EndpointAddresses addresses;
    private final ReportedTimes times;
    private final SecureRandom random = new SecureRandom();

    ConnectionIngestController(CommandSender commands, EventPositions positions, SecretSeal seal,
                               ConnectorSettings settings, ReportedTimes times) {
        this.times = times;
        this.commands = commands;
        this.positions = positions;
        this.seal = seal;
        this.settings = settings;
        this.addresses = new EndpointAddresses(settings.allowPrivateEndpoints());
    }

    @Operation(summary = "Register a connection",
            description = "The platform registers a connection: its connector, the worker endpoint deliveries go to, "
                    + "how upstream webhooks are signed and with which secret, and the retry schedule. 201 with "
                    + "OpsLedger's signing secret (shown once) and the webhook path to give the upstream; the same "
                    + "registration again answers 200.")
    @PostMapping("/api/v1/ingest/connections")
    ResponseEntity<Registration> register(@Valid @RequestBody RegistrationRequest request) {
        seal.requireKey();
        String connectionId = ConnectorIds.forConnection(request.id());
        String endpoint = endpoint(request.endpointUrl());
        addresses.refusal(URI.create(endpoint).getHost()).ifPresent(refusal -> {
            throw new InvalidInput("endpointUrl", refusal);
        });
        RetrySchedule schedule = request.retrySchedule() == null ? RetrySchedule.DEFAULT
                : request.retrySchedule().toSchedule();
        boolean retryClientErrors = Boolean.TRUE.equals(request.retryClientErrors());
        Duration timeout = timeout(request.attemptTimeout());
        String inbound = request.inboundSecret();
        String secretProblem = InboundVerifier.secretProblem(request.scheme(), inbound);
        if (secretProblem != null) {
            throw new InvalidInput("inboundSecret", secretProblem);
        }
        String hash = ContentHash.of(request.connector(), request.orgId(), request.workspaceId(), endpoint,
                WireName.of(request.scheme()), inbound == null ? null : seal.fingerprint(inbound),
                schedule.delays().stream().map(Duration::toString).collect(Collectors.joining(",")),
                Double.toString(schedule.jitter()), Boolean.toString(retryClientErrors), timeout.toString());
        Connection.Registered registered = commands.send(new RegisterConnection(connectionId, request.id(),
                request.connector(), request.orgId(), request.workspaceId(), endpoint, request.scheme(),
                inbound == null ? null : seal.seal(connectionId, inbound),
                seal.seal(connectionId, DeliverySignature.newSecret(random)), schedule, retryClientErrors, timeout,
                hash));
        boolean created = registered.created();
        String signingSecret = seal.open(connectionId, registered.sealedSigningSecret());
        long position = positions.lastPositionOf(connectionId);
        Registration body = new Registration(connectionId, request.id(), created, signingSecret,
                "/webhooks/connectors/" + connectionId, position);
        return created ? ResponseEntity.status(201).body(body) : ResponseEntity.ok(body);
    }

    /** A connector of the catalog: its version and health; an older report than the newest changes nothing. */
    @Operation(summary = "Report a connector's version and health",
            description = "The platform reports a connector of the catalog as observed at a time; a report observed "
                    + "before the newest changes nothing, and the same report again only moves the observation time.")
    @PostMapping("/api/v1/ingest/connectors")
    ConnectorReceipt connector(@Valid @RequestBody ConnectorReport report) {
        times.requireNotAhead("observedAt", report.observedAt());
        String connectorId = ConnectorIds.forConnector(report.name());
        boolean changed = commands.send(new ReportConnector(connectorId, report.name(), report.version(),
                report.health(), report.observedAt(), report.detail()));
        return new ConnectorReceipt(connectorId, report.name(), changed, positions.lastPositionOf(connectorId));
    }

    @Operation(summary = "Report a connection's status",
            description = "connected, degraded, disconnected or revoked, as observed at a time; older reports change "
                    + "nothing and a revoked connection stays revoked.")
    @PostMapping("/api/v1/ingest/connections/{connectionId}/status")
    StatusReceipt status(@PathVariable String connectionId, @Valid @RequestBody StatusReport report) {
        ConnectorIds.requireConnection(connectionId);
        times.requireNotAhead("observedAt", report.observedAt());
        boolean changed = commands.send(new ReportConnectionStatus(connectionId, report.status(),
                report.observedAt()));
        return new StatusReceipt(connectionId, changed, positions.lastPositionOf(connectionId));
    }

    /** An absolute http(s) URL without credentials in it; kept exactly as sent. */
    static String endpoint(String url) {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
                throw new InvalidInput("endpointUrl", "must be an absolute http or https URL with a host, without"
                        + " user info or fragment");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new InvalidInput("endpointUrl", "is not a URL: " + e.getReason());
        }
    }

    private Duration timeout(Duration requested) {
        Duration timeout = requested == null ? settings.attemptTimeout() : requested;
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new InvalidInput("attemptTimeout", "must be from " + MIN_TIMEOUT.toSeconds() + " to "
                    + MAX_TIMEOUT.toSeconds() + " seconds");
        }
        return timeout;
    }
}
