package com.opsledger.command;

/**
 * The answer to an operator command: what it acted on and the event-store position of its last event, which a read
 * can pass as {@code minPosition} to see the change.
 */
public record CommandAccepted(String id, long position) {
}
