package com.opsledger.command.connector;

import com.opsledger.command.CommandSender;
import com.opsledger.command.ContentHash;
import com.opsledger.command.StrangerText;
import com.opsledger.events.InvalidInput;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.WireName;
import com.opsledger.events.connector.ConnectionDescription;
import com.opsledger.events.connector.ConnectorIds;
import com.opsledger.events.connector.VerificationPosture;
import com.opsledger.events.connector.command.AcceptConnectorEvent;
import com.opsledger.events.connector.command.DescribeConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Upstream webhooks of a connection ({@code POST /webhooks/connectors/{connectionId}}). Each is verified by the
 * connection's scheme against its live secrets, and recorded with its verification posture: accepted ones become a
 * delivery to the connection's worker (once per upstream event id; a redelivery is answered 200 and recorded as a
 * duplicate). Refused ones (bad signature, stale timestamp, no such connection) are answered 401 or 404 and counted,
 * never recorded one by one ({@link InboundRefusals}); a source refused too often is answered 429. Bodies must be
 * UTF-8 and at most {@code opsledger.connector.max-payload-size}.
 */
@RestController
@EnableConfigurationProperties(ConnectorSettings.class)
class ConnectorWebhookController {

    /** The answer an upstream gets for an accepted event. */
    record Received(String deliveryId, String upstreamId, boolean duplicate, String posture) {
    }

    private static final Pattern CONNECTION_ID = Pattern.compile(ConnectorIds.CONNECTION + "[0-9a-f-]{36}");

    private final CommandSender commands;
    private final InboundRefusals refusals;
    private final SecretSeal seal;
    private final ConnectorSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;

    ConnectorWebhookController(CommandSender commands, InboundRefusals refusals, SecretSeal seal,
                               ConnectorSettings settings, MeterRegistry meters, Clock clock) {
        this.commands = commands;
        this.refusals = refusals;
        this.seal = seal;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    @Operation(summary = "Receive an upstream webhook",
            description = "An upstream (GitHub, Slack, any Standard Webhooks sender) posts an event for a connection. "
                    + "Its signature is verified by the connection's scheme; a verified event is delivered to the "
                    + "connection's worker, once per upstream event id. No token: the signature is the credential. "
                    + "Refused webhooks are counted, not stored one by one, and an address refused too often gets 429.")
    @PostMapping("/webhooks/connectors/{connectionId}")
    ResponseEntity<Received> receive(@PathVariable String connectionId, @RequestBody(required = false) byte[] bytes,
                                     @RequestHeader HttpHeaders headers, HttpServletRequest request) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String source = request.getRemoteAddr();
        refusals.requireWithinLimit(source);
        seal.requireKey();
        String body = utf8(bytes == null ? new byte[0] : bytes);
        ConnectionDescription connection = connection(connectionId, receivedAt);
        if (connection == null) {
            refusals.refusedUnknown(source);
            count(VerificationPosture.UNKNOWN_CONNECTION, "refused");
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no connection "
                    + StrangerText.printable(connectionId, 80));
        }
        MetaData metaData = MetaData.with(MetaDataKeys.SOURCE_IP, source)
                .and(MetaDataKeys.ACTOR, "upstream:" + connection.connector());
        List<String> secrets = connection.inboundSecrets().stream().map(s -> seal.open(connectionId, s)).toList();
        VerificationPosture posture = InboundVerifier.verify(connection.scheme(), secrets, headers::getFirst, body,
                receivedAt);
        UpstreamEvent upstream = UpstreamEvent.of(connection.scheme(), headers::getFirst, body);
        if (!posture.accepted()) {
            refusals.refused(connectionId, source, posture, upstream.id(), body.getBytes(StandardCharsets.UTF_8).length,
                    ContentHash.of(body), headers, receivedAt);
            count(posture, "refused");
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, posture == VerificationPosture.TIMESTAMP_STALE
                    ? "the signature's timestamp is more than " + InboundVerifier.TOLERANCE.toMinutes()
                    + " minutes from now" : "the webhook's signature does not verify with the connection's secret");
        }
        String deliveryId = ConnectorIds.deliveryFor(connectionId, upstream.id());
        boolean accepted = commands.send(new AcceptConnectorEvent(deliveryId, connection, upstream.id(),
                upstream.type(), posture, body, ContentHash.of(body), receivedAt), metaData);
        count(posture, accepted ? "accepted" : "duplicate");
        return ResponseEntity.ok(new Received(deliveryId, upstream.id(), !accepted, WireName.of(posture)));
    }

    private ConnectionDescription connection(String connectionId, Instant at) {
        if (!CONNECTION_ID.matcher(connectionId).matches()) {
            return null;
        }
        try {
            return commands.send(new DescribeConnection(connectionId, at));
        } catch (AggregateNotFoundException e) {
            return null;
        }
    }

    private String utf8(byte[] bytes) {
        if (bytes.length > settings.maxPayloadSize().toBytes()) {
            count(null, "too_large");
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "the webhook's body is larger than "
                    + settings.maxPayloadSize().toBytes() + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInput("body", "is not UTF-8");
        }
    }

    private void count(VerificationPosture posture, String outcome) {
        meters.counter("opsledger.connector.inbound", "posture", posture == null ? "none" : WireName.of(posture),
                "outcome", outcome).increment();
    }
}
