package com.opsledger.command.wallet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a wallet has spent, per UTC day and month: the amount of each approved authorization, counted on the day it
 * was decided, from the moment it is approved (a pending hold counts as spent) until Stripe reports it declined,
 * reversed or expired; once captured, the captured amount. Changed by the wallet's events only.
 */
final class Budget {

    private final Map<String, LocalDate> heldOn = new HashMap<>();
    private final Map<String, Long> held = new HashMap<>();
    private final Map<LocalDate, Long> byDay = new HashMap<>();
    private final Map<YearMonth, Long> byMonth = new HashMap<>();

    /**
     * Counts {@code amount} for the authorization (0 releases it), on the UTC day it was first counted, or of
     * {@code at} if it is new.
     */
    void hold(String authorizationId, long amount, Instant at) {
        LocalDate day = heldOn.computeIfAbsent(authorizationId, id -> LocalDate.ofInstant(at, ZoneOffset.UTC));
        change(authorizationId, day, amount);
    }

    SpendRules.Spent spent(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return new SpendRules.Spent(byDay.getOrDefault(day, 0L), byMonth.getOrDefault(YearMonth.from(day), 0L));
    }

    private void change(String authorizationId, LocalDate day, long amount) {
        long delta = amount - held.getOrDefault(authorizationId, 0L);
        held.put(authorizationId, amount);
        byDay.merge(day, delta, Long::sum);
        byMonth.merge(YearMonth.from(day), delta, Long::sum);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Budget b && held.equals(b.held) && heldOn.equals(b.heldOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(held, heldOn);
    }
}
