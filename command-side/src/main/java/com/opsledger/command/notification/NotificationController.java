package com.opsledger.command.notification;

import com.opsledger.command.CommandSender;
import com.opsledger.command.ContentHash;
import com.opsledger.command.EventPositions;
import com.opsledger.command.JsonInput;
import com.opsledger.events.WireName;
import com.opsledger.events.notification.command.AcknowledgeNotification;
import com.opsledger.events.notification.NotificationKind;
import com.opsledger.events.notification.NotificationSeverity;
import com.opsledger.events.notification.NotificationIds;
import com.opsledger.events.notification.command.ReceiveNotification;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The platform posts its notifications here; operators acknowledge them. */
@RestController
class NotificationController {

    record NotificationRequest(@NotBlank @Size(max = 200) String id, @NotNull NotificationKind kind,
                               @NotBlank @Size(max = 200) String source, @NotNull NotificationSeverity severity,
                               @NotBlank @Size(max = 2000) String summary, @NotNull Instant occurredAt,
                               JsonNode details) {
    }

    record NotificationReceipt(String notificationId, String id, boolean created, long position) {
    }

    record AcknowledgeRequest(@NotEmpty @Size(max = 500) List<@NotBlank String> notificationIds) {
    }

    record Acknowledged(List<String> acknowledged, List<String> alreadyAcknowledged, long position) {
    }

    private final CommandSender commands;
    private final EventPositions positions;

    NotificationController(CommandSender commands, EventPositions positions) {
        this.commands = commands;
        this.positions = positions;
    }

    @Operation(summary = "Record a platform notification",
            description = "A schedule, message or usage notification from the platform, by its id: 201 when recorded, "
                    + "200 when the same id with the same content was recorded before, 409 for the same id with other "
                    + "content.")
    @PostMapping("/api/v1/ingest/notifications")
    ResponseEntity<NotificationReceipt> receive(@Valid @RequestBody NotificationRequest request) {
        String details = JsonInput.objectText("details", request.details());
        String notificationId = NotificationIds.forPlatformId(request.id());
        boolean created = commands.send(new ReceiveNotification(notificationId, request.id(), request.kind(),
                request.source(), request.severity(), request.summary(), request.occurredAt(), details,
                ContentHash.of(WireName.of(request.kind()), request.source(), WireName.of(request.severity()),
                        request.summary(), request.occurredAt().toString(), details)));
        NotificationReceipt body = new NotificationReceipt(notificationId, request.id(), created,
                positions.lastPositionOf(notificationId));
        return created ? ResponseEntity.status(201).body(body) : ResponseEntity.ok(body);
    }

    /**
     * Acknowledges one or many notifications. Unknown ids make the whole call a 404 that changes nothing;
     * notifications acknowledged before are reported as such.
     */
    @Operation(summary = "Acknowledge notifications",
            description = "Marks the given notifications as seen by the operator, with the reason if given; those "
                    + "acknowledged before are listed apart and not changed.")
    @PostMapping("/api/v1/admin/notifications/acknowledge")
    Acknowledged acknowledge(@Valid @RequestBody AcknowledgeRequest request) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(request.notificationIds()));
        List<String> unknown = ids.stream()
                .filter(id -> !NotificationIds.isNotification(id) || positions.lastPositionOf(List.of(id)).isEmpty())
                .toList();
        if (!unknown.isEmpty()) {
            throw new AggregateNotFoundException(String.join(", ", unknown), "no such notification");
        }
        List<String> acknowledged = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (String id : ids) {
            boolean changed = commands.send(new AcknowledgeNotification(id));
            (changed ? acknowledged : already).add(id);
        }
        return new Acknowledged(acknowledged, already, positions.lastPositionOf(ids).orElse(0));
    }
}
