/** What the platform and operators ask of a notification. */
package com.opsledger.events.notification.command;
