package com.opsledger.command.connector;

import com.opsledger.command.AggregateCaching;
import com.opsledger.events.AggregateTypes;
import com.opsledger.events.RuleViolation;
import com.opsledger.events.WireName;
import com.opsledger.events.connector.AttemptReason;
import com.opsledger.events.connector.ConnectionDescription;
import com.opsledger.events.connector.ConnectionDescription.Gate;
import com.opsledger.events.connector.ConnectionStatus;
import com.opsledger.events.connector.EndpointDisabledCause;
import com.opsledger.events.connector.RetrySchedule;
import com.opsledger.events.connector.SecretKind;
import com.opsledger.events.connector.VerificationScheme;
import com.opsledger.events.connector.command.DescribeConnection;
import com.opsledger.events.connector.command.PauseDelivery;
import com.opsledger.events.connector.command.ReEnableEndpoint;
import com.opsledger.events.connector.command.RecordEndpointResult;
import com.opsledger.events.connector.command.RegisterConnection;
import com.opsledger.events.connector.command.ReportConnectionStatus;
import com.opsledger.events.connector.command.ResumeDelivery;
import com.opsledger.events.connector.command.RotateConnectionSecret;
import com.opsledger.events.connector.event.ConnectionDeliveryPaused;
import com.opsledger.events.connector.event.ConnectionDeliveryResumed;
import com.opsledger.events.connector.event.ConnectionRegistered;
import com.opsledger.events.connector.event.ConnectionSecretRotated;
import com.opsledger.events.connector.event.ConnectionStatusChanged;
import com.opsledger.events.connector.event.ConnectionStatusConfirmed;
import com.opsledger.events.connector.event.EndpointDisabled;
import com.opsledger.events.connector.event.EndpointFailing;
import com.opsledger.events.connector.event.EndpointReEnabled;
import com.opsledger.events.connector.event.EndpointStallCleared;
import com.opsledger.events.connector.event.EndpointStalled;
import com.opsledger.events.connector.event.EndpointRecovered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A connection of an org's workspace to a connector: how its inbound webhooks are verified, the runtime endpoint its
 * events are delivered to and how, whether delivery is paused, and the endpoint's health (failing since when,
 * disabled). Deliveries are aggregates of their own; they ask the connection ({@link DescribeConnection}) when an
 * event arrives and when an attempt is made, and tell it how each attempt ended ({@link RecordEndpointResult}).
 */
@Aggregate(cache = AggregateCaching.CACHE, type = AggregateTypes.CONNECTION)
class Connection {

    /** The longest a replaced secret may stay live beside its successor. */
    static final Duration MAX_ROTATION_OVERLAP = Duration.ofDays(30);

    /** The answer to a registration: whether it registered, and the connection's current signing secret. */
    record Registered(boolean created, String sealedSigningSecret) {
    }

    /** A sealed secret, live until {@code validUntil} (null: until replaced). */
    record Secret(String sealed, Instant validUntil) {
        boolean liveAt(Instant at) {
            return validUntil == null || validUntil.isAfter(at);
        }
    }

    @AggregateIdentifier
    private String connectionId;
    private String connector;
    private String orgId;
    private String workspaceId;
    private String endpointUrl;
    private VerificationScheme scheme;
    private String contentHash;
    private RetrySchedule retrySchedule;
    private boolean retryClientErrors;
    private Duration attemptTimeout;
    /** Each kind's secrets, the current one first. */
    private final Map<SecretKind, List<Secret>> secrets = new EnumMap<>(SecretKind.class);
    private ConnectionStatus status;
    private Instant statusObservedAt;
    private boolean paused;
    private EndpointDisabledCause disabled;
    private Instant failingSince;
    private Instant stalledSince;

    Connection() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    /** Answers the connection's current signing secret, sealed: also for a repeat of the same registration. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Registered handle(RegisterConnection command) {
        if (connectionId != null) {
            if (!contentHash.equals(command.contentHash())) {
                throw new RuleViolation("connection '" + command.platformId() + "' is registered already, with"
                        + " other details");
            }
            return new Registered(false, secrets.get(SecretKind.SIGNING).get(0).sealed());
        }
        if ((command.scheme() == VerificationScheme.NONE) != (command.sealedInboundSecret() == null)) {
            throw new RuleViolation(command.scheme() == VerificationScheme.NONE
                    ? "a connection whose webhooks are not signed has no inbound secret"
                    : "a connection whose webhooks are signed (" + WireName.of(command.scheme())
                    + ") needs its inbound secret");
        }
        apply(new ConnectionRegistered(command.connectionId(), command.platformId(), command.connector(),
                command.orgId(), command.workspaceId(), command.endpointUrl(), command.scheme(),
                command.sealedInboundSecret(), command.sealedSigningSecret(), command.retrySchedule(),
                command.retryClientErrors(), command.attemptTimeout(), command.contentHash()));
        return new Registered(true, command.sealedSigningSecret());
    }

    /** Answers whether the report changed the status (false: the same, or older than the one recorded). */
    @CommandHandler
    boolean handle(ReportConnectionStatus command) {
        if (statusObservedAt != null && command.observedAt().isBefore(statusObservedAt)) {
            return false;
        }
        if (command.status() == status) {
            if (statusObservedAt == null || command.observedAt().isAfter(statusObservedAt)) {
                apply(new ConnectionStatusConfirmed(connectionId, command.observedAt()));
            }
            return false;
        }
        if (status == ConnectionStatus.REVOKED) {
            throw new RuleViolation("connection " + connectionId + " was revoked and stays so; register a new one");
        }
        apply(new ConnectionStatusChanged(connectionId, status, command.status(), command.observedAt()));
        return true;
    }

    @CommandHandler
    void handle(RotateConnectionSecret command) {
        if (command.kind() == SecretKind.INBOUND && scheme == VerificationScheme.NONE) {
            throw new RuleViolation("connection " + connectionId + " verifies no signatures, so it has no inbound"
                    + " secret to rotate");
        }
        if (command.previousValidUntil().isBefore(command.rotatedAt())
                || command.previousValidUntil().isAfter(command.rotatedAt().plus(MAX_ROTATION_OVERLAP))) {
            throw new RuleViolation("the replaced secret may stay live from now to at most "
                    + MAX_ROTATION_OVERLAP.toDays() + " days from now, not until " + command.previousValidUntil());
        }
        apply(new ConnectionSecretRotated(connectionId, command.kind(), command.sealedSecret(),
                command.previousValidUntil(), command.rotatedAt()));
    }

    @CommandHandler
    void handle(PauseDelivery command) {
        if (paused) {
            throw new RuleViolation("delivery of connection " + connectionId + " is paused already");
        }
        apply(new ConnectionDeliveryPaused(connectionId));
    }

    @CommandHandler
    void handle(ResumeDelivery command) {
        if (!paused) {
            throw new RuleViolation("delivery of connection " + connectionId + " is not paused");
        }
        apply(new ConnectionDeliveryResumed(connectionId));
    }

    @CommandHandler
    void handle(ReEnableEndpoint command) {
        if (disabled == null) {
            throw new RuleViolation("the endpoint of connection " + connectionId + " is not disabled");
        }
        apply(new EndpointReEnabled(connectionId));
    }

    /**
     * Keeps the endpoint's health: failing since the first failure after a success, recovered at the next success,
     * disabled at a 410 or once it has failed for {@code disableAfter}; stalled from the first attempt without an
     * outcome until the next success. Records nothing while nothing changes, and nothing while it is disabled.
     */
    @CommandHandler
    void handle(RecordEndpointResult command) {
        if (disabled != null) {
            return;
        }
        AttemptReason reason = command.reason();
        if (reason == AttemptReason.DELIVERED) {
            if (failingSince != null) {
                apply(new EndpointRecovered(connectionId, command.deliveryId(), failingSince, command.at()));
            }
            if (stalledSince != null) {
                apply(new EndpointStallCleared(connectionId, command.deliveryId(), stalledSince, command.at()));
            }
            return;
        }
        if (reason == AttemptReason.NO_OUTCOME && stalledSince == null) {
            apply(new EndpointStalled(connectionId, command.deliveryId(), command.attempt(), command.at()));
        }
        if (reason == AttemptReason.GONE) {
            apply(new EndpointDisabled(connectionId, EndpointDisabledCause.GONE, command.deliveryId(), failingSince,
                    command.at()));
        } else if (failingSince == null) {
            apply(new EndpointFailing(connectionId, command.deliveryId(), reason, command.at()));
        } else if (!command.at().isBefore(failingSince.plus(command.disableAfter()))) {
            apply(new EndpointDisabled(connectionId, EndpointDisabledCause.CONTINUOUS_FAILURE, command.deliveryId(),
                    failingSince, command.at()));
        }
    }

    @CommandHandler
    ConnectionDescription handle(DescribeConnection command) {
        return new ConnectionDescription(connectionId, connector, orgId, workspaceId, endpointUrl, scheme,
                live(SecretKind.INBOUND, command.at()), live(SecretKind.SIGNING, command.at()), retrySchedule,
                retryClientErrors, attemptTimeout, gate());
    }

    private Gate gate() {
        if (status == ConnectionStatus.REVOKED) {
            return Gate.REVOKED;
        }
        if (disabled != null) {
            return Gate.DISABLED;
        }
        return paused ? Gate.PAUSED : Gate.OPEN;
    }

    private List<String> live(SecretKind kind, Instant at) {
        return secrets.getOrDefault(kind, List.of()).stream().filter(s -> s.liveAt(at)).map(Secret::sealed).toList();
    }

    @EventSourcingHandler
    void on(ConnectionRegistered event) {
        connectionId = event.connectionId();
        connector = event.connector();
        orgId = event.orgId();
        workspaceId = event.workspaceId();
        endpointUrl = event.endpointUrl();
        scheme = event.scheme();
        contentHash = event.contentHash();
        retrySchedule = event.retrySchedule();
        retryClientErrors = event.retryClientErrors();
        attemptTimeout = event.attemptTimeout();
        status = ConnectionStatus.CONNECTED;
        if (event.sealedInboundSecret() != null) {
            secrets.put(SecretKind.INBOUND, List.of(new Secret(event.sealedInboundSecret(), null)));
        }
        secrets.put(SecretKind.SIGNING, List.of(new Secret(event.sealedSigningSecret(), null)));
    }

    @EventSourcingHandler
    void on(ConnectionStatusConfirmed event) {
        statusObservedAt = event.observedAt();
    }

    @EventSourcingHandler
    void on(ConnectionStatusChanged event) {
        status = event.to();
        statusObservedAt = event.observedAt();
    }

    /** The new secret first; the one it replaces until the overlap ends; those whose overlap ended are dropped. */
    @EventSourcingHandler
    void on(ConnectionSecretRotated event) {
        List<Secret> kept = new ArrayList<>();
        kept.add(new Secret(event.sealedSecret(), null));
        for (Secret secret : secrets.getOrDefault(event.kind(), List.of())) {
            Secret replaced = secret.validUntil() == null ? new Secret(secret.sealed(), event.previousValidUntil())
                    : secret;
            if (replaced.liveAt(event.rotatedAt())) {
                kept.add(replaced);
            }
        }
        secrets.put(event.kind(), List.copyOf(kept));
    }

    @EventSourcingHandler
    void on(ConnectionDeliveryPaused event) {
        paused = true;
    }

    @EventSourcingHandler
    void on(ConnectionDeliveryResumed event) {
        paused = false;
    }

    @EventSourcingHandler
    void on(EndpointFailing event) {
        failingSince = event.since();
    }

    @EventSourcingHandler
    void on(EndpointRecovered event) {
        failingSince = null;
    }

    @EventSourcingHandler
    void on(EndpointStalled event) {
        stalledSince = event.since();
    }

    @EventSourcingHandler
    void on(EndpointStallCleared event) {
        stalledSince = null;
    }

    @EventSourcingHandler
    void on(EndpointDisabled event) {
        disabled = event.cause();
    }

    @EventSourcingHandler
    void on(EndpointReEnabled event) {
        disabled = null;
        failingSince = null;
    }
}
