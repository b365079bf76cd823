package com.opsledger.query.projection;

import java.time.Duration;

/** A read asked to see a position its projection has not reached in time; the HTTP layer answers 503. */
public class ProjectionBehindException extends RuntimeException {

    public ProjectionBehindException(String projection, long position, Duration waited) {
        super("Projection " + projection + " has not reached position " + position + " within " + waited.toMillis()
                + " ms; retry shortly");
    }
}
