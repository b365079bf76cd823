package com.opsledger.app.security;

/** The roles a caller can hold; operator tokens carry the first three in their roles claim. */
final class Roles {

    /** Triage, acknowledge and every other operator command, plus all reads. */
    static final String OPERATOR = "operator";
    /** Reads only: queues, timelines, counts. */
    static final String AUDITOR = "auditor";
    /** Everything an operator may do, plus metrics and administration. */
    static final String ADMIN = "admin";
    /** The platform's ingest calls, authenticated by the service key. */
    static final String SERVICE = "service";

    private Roles() {
    }
}
