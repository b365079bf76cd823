package com.opsledger.events.connector;

/** How one delivery attempt ended, as an operator reads it in the attempt history. */
public enum AttemptReason {
    /** A 2xx answer. */
    DELIVERED,
    /** No answer within the connection's timeout, or the worker's own 408. */
    TIMEOUT,
    CONNECTION_REFUSED,
    /** Any other failure to exchange the request: DNS, reset connection, TLS. */
    NETWORK_ERROR,
    /**
     * Not sent: the endpoint's host resolved to an internal address (loopback, private, link-local, ...), which
     * deliveries never reach unless {@code opsledger.connector.allow-private-endpoints} is set. Retried, since the
     * host's address may change.
     */
    INTERNAL_ADDRESS,
    /** A 3xx answer: redirects are not followed, the endpoint is to be fixed. */
    REDIRECT,
    TOO_MANY_REQUESTS,
    /** A 410: the worker says the endpoint is gone for good; the connection's endpoint is disabled. */
    GONE,
    /** Any other 4xx: the worker refuses this request, and would refuse it again. */
    CLIENT_ERROR,
    SERVER_ERROR,
    /**
     * No outcome was recorded within the connection's timeout and the grace after it: the node making the attempt
     * stopped, or could not record what the worker answered. Counted as failed; the worker may have received it.
     */
    NO_OUTCOME;

    /** The reason of an answered attempt, from its HTTP status. */
    public static AttemptReason ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        if (status >= 300 && status < 400) {
            return REDIRECT;
        }
        return switch (status) {
            case 408 -> TIMEOUT;
            case 410 -> GONE;
            case 429 -> TOO_MANY_REQUESTS;
            default -> status >= 400 && status < 500 ? CLIENT_ERROR : SERVER_ERROR;
        };
    }

    /** Whether a later attempt may succeed where this one failed; a {@link #CLIENT_ERROR} only if its connection says. */
    public boolean retryable() {
        return this != DELIVERED && this != GONE && this != CLIENT_ERROR;
    }
}
