package com.opsledger.command.wallet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a wallet has spent, per UTC day and month, counted per authorization on the day it was first counted: its
 * hold from the moment it is approved (a pending hold counts as spent) until Stripe reports it declined, reversed or
 * expired; once Stripe captures it, what was captured net of refunds instead, so a partial capture leaves the rest of
 * the hold to the budget. Changed by the wallet's events only.
 */
final class Budget {

    /** One authorization's part: {@code captured} is null until its first transaction. */
    private record Part(LocalDate day, long held, Long captured) {
        long counted() {
            return captured == null ? held : Math.max(0, captured);
        }
    }

    private final Map<String, Part> parts = new HashMap<>();
    private final Map<LocalDate, Long> byDay = new HashMap<>();
    private final Map<YearMonth, Long> byMonth = new HashMap<>();

    /** Holds {@code amount} for the authorization (0 releases the hold); {@code at} dates an authorization new here. */
    void hold(String authorizationId, long amount, Instant at) {
        Part part = part(authorizationId, at);
        change(authorizationId, new Part(part.day(), amount, part.captured()));
    }

    /**
     * Counts a transaction of the authorization: {@code spent} is what it took from the balance (a capture's amount,
     * which Stripe reports negative, negated; a refund's is negative).
     */
    void capture(String authorizationId, long spent, Instant at) {
        Part part = part(authorizationId, at);
        long captured = part.captured() == null ? spent : part.captured() + spent;
        change(authorizationId, new Part(part.day(), part.held(), captured));
    }

    SpendRules.Spent spent(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return new SpendRules.Spent(byDay.getOrDefault(day, 0L), byMonth.getOrDefault(YearMonth.from(day), 0L));
    }

    private Part part(String authorizationId, Instant at) {
        Part part = parts.get(authorizationId);
        return part != null ? part : new Part(LocalDate.ofInstant(at, ZoneOffset.UTC), 0, null);
    }

    private void change(String authorizationId, Part part) {
        Part before = parts.put(authorizationId, part);
        long delta = part.counted() - (before == null ? 0 : before.counted());
        byDay.merge(part.day(), delta, Long::sum);
        byMonth.merge(YearMonth.from(part.day()), delta, Long::sum);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Budget b && parts.equals(b.parts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parts);
    }
}
