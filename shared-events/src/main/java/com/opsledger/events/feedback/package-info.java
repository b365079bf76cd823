/**
 * The feedback triage language: commands, events and value types.
 *
 * <p>Who sent a command ({@code actor}), the operator's {@code reason} and the source IP travel as message metadata
 * and are copied onto every event the command produces; an event's time is its own timestamp.
 */
package com.opsledger.events.feedback;
