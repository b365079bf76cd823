/**
 * What happened to connections (registration, status, secrets, pause, the endpoint's health) and to each delivery of
 * an inbound webhook to its worker: every attempt and its outcome, in order.
 */
package com.opsledger.events.connector.event;
