/**
 * Connector event delivery: the value types both sides share (verification schemes and postures, the retry schedule,
 * why an attempt ended as it did). Inbound webhooks of a connection are verified by its scheme and delivered to the
 * connection's runtime worker, each attempt an event.
 */
package com.opsledger.events.connector;
