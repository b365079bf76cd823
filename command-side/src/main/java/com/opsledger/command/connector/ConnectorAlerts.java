package com.opsledger.command.connector;

import com.opsledger.command.CommandSender;
import com.opsledger.command.ContentHash;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.WireName;
import com.opsledger.events.notification.NotificationIds;
import com.opsledger.events.notification.NotificationKind;
import com.opsledger.events.notification.NotificationSeverity;
import com.opsledger.events.notification.command.AcknowledgeNotification;
import com.opsledger.events.notification.command.ReceiveNotification;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Locale;

/**
 * The alerts connector delivery raises in Notifications, as warnings, one per connection and episode (a stall, a
 * queue spike): raised once when the episode starts, and acknowledged as {@value Delivery#ACTOR}, with the reason,
 * when it ends. Both are idempotent: the alert's id derives from the connection and the episode's start.
 */
@Component
class ConnectorAlerts {

    private final CommandSender commands;

    ConnectorAlerts(CommandSender commands) {
        this.commands = commands;
    }

    void raise(NotificationKind kind, String connectionId, Instant since, String summary, String details) {
        String platformId = platformId(kind, connectionId, since);
        commands.send(new ReceiveNotification(NotificationIds.forPlatformId(platformId), platformId, kind,
                connectionId, NotificationSeverity.WARNING, summary, since, details, ContentHash.of(WireName.of(kind),
                connectionId, WireName.of(NotificationSeverity.WARNING), summary, since.toString(), details)),
                Delivery.system());
    }

    /** Acknowledged by the service itself; an alert an operator acknowledged already stays as it is. */
    void clear(NotificationKind kind, String connectionId, Instant since, String reason) {
        commands.send(new AcknowledgeNotification(NotificationIds.forPlatformId(platformId(kind, connectionId, since))),
                Delivery.system().and(MetaDataKeys.REASON, reason));
    }

    /** What the platform's own notifications carry as their id. */
    private static String platformId(NotificationKind kind, String connectionId, Instant since) {
        return "opsledger:" + kind.name().toLowerCase(Locale.ROOT) + ":" + connectionId + ":" + since;
    }
}
