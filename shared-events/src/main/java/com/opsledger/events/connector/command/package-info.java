/**
 * What the platform, upstream webhooks, the delivery dispatcher and operators ask of connections and deliveries; the
 * connection and delivery aggregates handle each.
 */
package com.opsledger.events.connector.command;
