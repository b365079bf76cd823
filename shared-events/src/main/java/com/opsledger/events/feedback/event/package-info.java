/**
 * What happened to feedback and its groups: the stored history. A change to one of these records is a new
 * {@code @Revision} with an upcaster for the events stored before (see {@code app/axon}).
 */
package com.opsledger.events.feedback.event;
