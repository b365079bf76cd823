package com.opsledger.events;

/** Input that cannot be accepted, naming the field at fault; the HTTP layer answers it with 400. */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
