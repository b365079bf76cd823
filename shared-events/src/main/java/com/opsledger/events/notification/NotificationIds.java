package com.opsledger.events.notification;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The ids of notifications ({@value #NOTIFICATION}…), one per platform notification id. */
public final class NotificationIds {

    public static final String NOTIFICATION = "ntf-";

    private NotificationIds() {
    }

    public static String forPlatformId(String platformId) {
        return NOTIFICATION + UUID.nameUUIDFromBytes(("notification:" + platformId).getBytes(StandardCharsets.UTF_8));
    }

    public static boolean isNotification(String id) {
        return id.startsWith(NOTIFICATION);
    }
}
