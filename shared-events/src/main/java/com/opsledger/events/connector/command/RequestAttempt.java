package com.opsledger.events.connector.command;

import com.opsledger.events.connector.AttemptTrigger;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Makes an attempt due now outside the schedule: an operator's redelivery, a replay job's ({@code jobId}), or the
 * resume of a paused connection. Answers whether an attempt was made due (false: not in a state the trigger takes up).
 */
public record RequestAttempt(@TargetAggregateIdentifier String deliveryId, AttemptTrigger trigger, String jobId,
                             Instant at) {

    public RequestAttempt {
        if (trigger == AttemptTrigger.SCHEDULE) {
            throw new IllegalArgumentException("scheduled attempts are the delivery's own");
        }
    }
}
