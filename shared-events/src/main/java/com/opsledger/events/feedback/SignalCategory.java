package com.opsledger.events.feedback;

/** How useful a piece of feedback is as a signal. */
public enum SignalCategory {
    /** Opinions, praise and wishes about the product. */
    PRODUCT_SIGNAL,
    /** A short report something is broken, with little detail. */
    SHORT_ACTIONABLE,
    /** A report an engineer can act on: what broke, where, how. */
    ACTIONABLE,
    /** Text that carries an attack payload. */
    SECURITY_PROBE
}
