/**
 * The feedback triage language: the value types both sides share (classification, states, decisions, ids); its
 * commands are in {@code command}, its events in {@code event}.
 *
 * <p>Who sent a command ({@code actor}), the operator's {@code reason} and the source IP travel as message metadata
 * and are copied onto every event the command produces; an event's time is its own timestamp.
 */
package com.opsledger.events.feedback;
