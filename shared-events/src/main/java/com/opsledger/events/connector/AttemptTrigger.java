package com.opsledger.events.connector;

/** What made an attempt due. */
public enum AttemptTrigger {
    /** The retry schedule: the first attempt on acceptance, later ones when their wait has passed. */
    SCHEDULE,
    /** An operator's redelivery of this one delivery. */
    REDELIVERY,
    /** A bulk replay job. */
    REPLAY,
    /** The connection's delivery was resumed after a pause that held it. */
    RESUME
}
