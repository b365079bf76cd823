package com.opsledger.app.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an event a projection failed on, first time and after each failed retry: it is parked (again),
 * with the failure's type and message and the number of attempts so far in its diagnostics. The message is cut to
 * the column's 1,023 characters and rid of NUL characters, which PostgreSQL text cannot hold: a failure to park
 * the event would stop the processor after all.
 */
final class DeadLetterPolicy {

    static final String ATTEMPTS = "attempts";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterPolicy.class);
    private static final int MAX_MESSAGE = ThrowableCause.TRUNCATED_MESSAGE_SIZE;

    private DeadLetterPolicy() {
    }

    static EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable failure) {
        // The failure's full text goes to the log only; operators see a short cause (ProjectionsController).
        log.warn("Parked event {} ({}) in the dead-letter queue", letter.message().getIdentifier(),
                letter.message().getPayloadType().getSimpleName(), failure);
        String message = String.valueOf(failure.getMessage()).replace("\0", "");
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE);
        }
        long attempts = letter.diagnostics().get(ATTEMPTS) instanceof Number n ? n.longValue() + 1 : 1;
        return Decisions.enqueue(new ThrowableCause(failure.getClass().getName(), message),
                parked -> MetaData.with(ATTEMPTS, attempts));
    }
}
