/**
 * Agent wallets on Stripe Issuing: the value types both sides share (ids, the spend policy, spend request states);
 * commands in {@code command}, events in {@code event}.
 *
 * <p>Money is an amount in the currency's minor units (cents) with the wallet's currency, a lower-case ISO 4217 code
 * as Stripe writes it ({@code usd}). Who acted and why travel as message metadata, as in every area.
 */
package com.opsledger.events.wallet;
