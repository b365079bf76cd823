package com.opsledger.events;

/**
 * A command broke a business rule. The message is written for an operator ("cannot start work on feedback
 * that is open; triage it first"), and the HTTP layer answers it with 409 Conflict.
 */
public class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message);
    }
}
