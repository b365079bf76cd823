/** What operators and the platform ask of the feedback and group aggregates; each is handled by one of them. */
package com.opsledger.events.feedback.command;
