/**
 * Platform notifications (schedule results, message and usage events) that operators watch and acknowledge: the
 * value types; commands in {@code command}, events in {@code event}.
 */
package com.opsledger.events.notification;
