/** What happened to notifications: the stored history. */
package com.opsledger.events.notification.event;
