package com.opsledger.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoints of this controller (or this handler) call an outside system before they record anything: its refusal
 * is a 409 in our words, its failure or silence a 502, and the API document says so.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CallsOut {

    /** The outside system, as the document names it. */
    String value();
}
