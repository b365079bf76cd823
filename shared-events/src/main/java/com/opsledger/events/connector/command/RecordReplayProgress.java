package com.opsledger.events.connector.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * How far a replay job has come (counted from its last start: a job resumed after a crash counts again, and what it
 * replayed before is passed over). Answers whether it is to go on (false once canceled or finished).
 *
 * @param replayed   deliveries made due again
 * @param passedOver deliveries no longer failed or skipped, or replayed by this job already
 */
public record RecordReplayProgress(@TargetAggregateIdentifier String jobId, long replayed, long passedOver,
                                   boolean finished) {
}
