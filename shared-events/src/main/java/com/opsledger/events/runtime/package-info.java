/**
 * Runtime jobs and sandboxes as the platform reports them: which worker runs them, for which connection, and how
 * they stand (queued, running, succeeded, failed, timed out).
 */
package com.opsledger.events.runtime;
