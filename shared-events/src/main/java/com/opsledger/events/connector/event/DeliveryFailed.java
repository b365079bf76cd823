package com.opsledger.events.connector.event;

import com.opsledger.events.connector.AttemptReason;

/**
 * No further attempt will be made unless an operator asks: the schedule is used up ({@code exhausted}), or the worker
 * refused the event for good ({@code lastReason} a client error or gone).
 */
public record DeliveryFailed(String deliveryId, String connectionId, int attempts, AttemptReason lastReason,
                             boolean exhausted) {
}
