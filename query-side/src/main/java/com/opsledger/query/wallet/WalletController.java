package com.opsledger.query.wallet;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.opsledger.events.wallet.AuthorizationReason;
import com.opsledger.events.wallet.CardStatus;
import com.opsledger.events.wallet.DisputeStatus;
import com.opsledger.events.wallet.TransactionType;
import com.opsledger.events.wallet.SpendRequestStatus;
import com.opsledger.query.projection.ProjectionProgress;
import com.opsledger.query.projection.ReadModel;
import com.opsledger.query.sql.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.opsledger.query.sql.SqlValues.wire;

/**
 * The agent wallet screens: wallets, one wallet with its policy history, cards, spend requests and authorizations,
 * and the lists of spend requests (waiting ones first), cards and authorizations over every wallet.
 */
@RestController
@RequestMapping("/api/v1/admin/agent-wallet")
class WalletController {

    /**
     * A wallet, its policies and cards, its spend requests (paged), its newest authorizations, and what the anomaly
     * rules find in it.
     */
    record WalletDetail(WalletQueries.WalletItem wallet, List<WalletQueries.PolicyVersion> policyHistory,
                        List<WalletQueries.CardItem> cards, Page<WalletQueries.SpendRequestItem> spendRequests,
                        Page<WalletQueries.AuthorizationItem> authorizations,
                        List<WalletAnomalies.Anomaly> anomalies) {
    }

    /** A row of the wallet list: the wallet, and the names of the anomaly rules that find something in it. */
    record WalletRow(@JsonUnwrapped WalletQueries.WalletItem wallet, List<String> anomalies) {
    }

    private static final List<ReadModel> READ_MODELS = List.of(WalletProjection.READ_MODEL,
            SpendRequestProjection.READ_MODEL, CardProjection.READ_MODEL, AuthorizationProjection.READ_MODEL,
            TransactionProjection.READ_MODEL, DisputeProjection.READ_MODEL, CardholderProjection.READ_MODEL);

    private final WalletQueries queries;
    private final WalletAnomalies anomalies;
    private final ProjectionProgress progress;

    WalletController(WalletQueries queries, WalletAnomalies anomalies, ProjectionProgress progress) {
        this.queries = queries;
        this.anomalies = anomalies;
        this.progress = progress;
    }

    @Operation(summary = "List agent wallets",
            description = "Wallets with cards, spend today and this month, pending spend requests, declines in 24 h, "
                    + "open disputes and anomalies; filtered and paged.")
    @GetMapping
    Page<WalletRow> wallets(@RequestParam(required = false) String orgId,
                                           @RequestParam(required = false) String workspaceId,
                                           @RequestParam(required = false) String agentId,
                                           @RequestParam(required = false) Integer limit,
                                           @RequestParam(required = false) String cursor,
                                           @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        Page<WalletQueries.WalletItem> page = queries.wallets(orgId, workspaceId, agentId, limit, cursor);
        Map<String, List<String>> rules = new HashMap<>();
        if (!page.items().isEmpty()) {
            anomalies.find(page.items().stream().map(WalletQueries.WalletItem::walletId).toList(), null)
                    .forEach(a -> rules.computeIfAbsent(a.walletId(), id -> new ArrayList<>()).add(a.rule()));
        }
        return new Page<>(page.items().stream().map(w -> new WalletRow(w, rules.getOrDefault(w.walletId(),
                List.of()).stream().distinct().toList())).toList(), page.total(), page.totalExact(), page.limit(),
                page.nextCursor());
    }

    /** What the anomaly rules ({@link WalletAnomalies}) find, newest first, in one wallet or organisation or all. */
    @Operation(summary = "List wallet anomalies",
            description = "What the anomaly rules found: decline spikes, spend over policy, cards used after cancel, "
                    + "Stripe declining an approval, and more.")
    @GetMapping("/anomalies")
    List<WalletAnomalies.Anomaly> anomalies(@RequestParam(required = false) String walletId,
                                            @RequestParam(required = false) String orgId,
                                            @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        return anomalies.find(walletId == null ? null : List.of(walletId), orgId);
    }

    /** A wallet, its policies newest first, and its spend requests (waiting ones first, paged). */
    @Operation(summary = "Show one wallet",
            description = "The wallet with its policy history, cards, spend requests, authorizations and anomalies.")
    @GetMapping("/wallets/{id}")
    WalletDetail wallet(@PathVariable String id,
                        @RequestParam(required = false) Integer limit,
                        @RequestParam(required = false) String cursor,
                        @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        WalletQueries.WalletItem wallet = queries.wallet(id).orElseThrow(() -> notFound("wallet", id));
        return new WalletDetail(wallet, queries.policyHistory(id), queries.cardsOf(id), queries.spendRequests(
                new WalletQueries.SpendRequestFilter(id, null, null, null, null), limit, cursor),
                queries.authorizations(new WalletQueries.AuthorizationFilter(id, null, null, null, null, null, null,
                        null), null, null), anomalies.find(List.of(id), null));
    }

    /**
     * The wallet's spends, newest first: each authorization with the spend request it used (and its approvals),
     * OpsLedger's decision (reason, latency) and Stripe's report, its transactions and their disputes.
     */
    @Operation(summary = "Show a wallet's spend chains",
            description = "Per spend: the request, its approvals, the authorization decision and its latency, "
                    + "Stripe's report, the transactions and any dispute.")
    @GetMapping("/wallets/{id}/chains")
    Page<WalletQueries.SpendChain> chains(@PathVariable String id,
                                          @RequestParam(required = false) Integer limit,
                                          @RequestParam(required = false) String cursor,
                                          @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        queries.wallet(id).orElseThrow(() -> notFound("wallet", id));
        return queries.chains(id, limit, cursor);
    }

    @Operation(summary = "List cards",
            description = "Issuing cards of the wallets with their status; filtered and paged.")
    @GetMapping("/cards")
    Page<WalletQueries.CardItem> cards(@RequestParam(required = false) String walletId,
                                       @RequestParam(required = false) CardStatus status,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        return queries.cards(walletId, wire(status), limit, cursor);
    }

    /** Authorizations, newest first; {@code reason} is OpsLedger's, {@code stripeReason} Stripe's decline reason. */
    @Operation(summary = "List authorizations",
            description = "Authorization decisions and Stripe's reports of them, with what the budget counts; "
                    + "filtered by wallet, outcome, reason and time, paged.")
    @GetMapping("/authorizations")
    Page<WalletQueries.AuthorizationItem> authorizations(@RequestParam(required = false) String walletId,
                                                         @RequestParam(required = false) String orgId,
                                                         @RequestParam(required = false) String cardId,
                                                         @RequestParam(required = false) Boolean approved,
                                                         @RequestParam(required = false) AuthorizationReason reason,
                                                         @RequestParam(required = false) String stripeReason,
                                                         @RequestParam(required = false) Instant from,
                                                         @RequestParam(required = false) Instant to,
                                                         @RequestParam(required = false) Integer limit,
                                                         @RequestParam(required = false) String cursor,
                                                         @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        return queries.authorizations(new WalletQueries.AuthorizationFilter(walletId, orgId, cardId, approved,
                wire(reason), stripeReason, from, to), limit, cursor);
    }

    /** Transactions, newest first; {@code type} capture or refund. */
    @Operation(summary = "List transactions",
            description = "Stripe Issuing transactions of the wallets (captures, refunds); filtered and paged.")
    @GetMapping("/transactions")
    Page<WalletQueries.TransactionItem> transactions(@RequestParam(required = false) String walletId,
                                                     @RequestParam(required = false) String orgId,
                                                     @RequestParam(required = false) TransactionType type,
                                                     @RequestParam(required = false) Instant from,
                                                     @RequestParam(required = false) Instant to,
                                                     @RequestParam(required = false) Integer limit,
                                                     @RequestParam(required = false) String cursor,
                                                     @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        return queries.transactions(new WalletQueries.Filter(walletId, orgId, wire(type), from, to), limit, cursor);
    }

    /** Disputes, newest first. */
    @Operation(summary = "List disputes",
            description = "Disputes of the wallets with their status; filtered and paged.")
    @GetMapping("/disputes")
    Page<WalletQueries.DisputeItem> disputes(@RequestParam(required = false) String walletId,
                                             @RequestParam(required = false) String orgId,
                                             @RequestParam(required = false) DisputeStatus status,
                                             @RequestParam(required = false) Instant from,
                                             @RequestParam(required = false) Instant to,
                                             @RequestParam(required = false) Integer limit,
                                             @RequestParam(required = false) String cursor,
                                             @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        return queries.disputes(new WalletQueries.Filter(walletId, orgId, wire(status), from, to), limit, cursor);
    }

    @Operation(summary = "Show one authorization",
            description = "The decision (reason, latency, spend request used) and Stripe's report, captures and what "
                    + "the budget counts.")
    @GetMapping("/authorizations/{id}")
    WalletQueries.AuthorizationItem authorization(@PathVariable String id,
                                                  @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        return queries.authorization(id).orElseThrow(() -> notFound("authorization", id));
    }

    @Operation(summary = "List spend requests",
            description = "Spend requests, waiting ones first, filtered by wallet, status and requester; paged.")
    @GetMapping("/spend-requests")
    Page<WalletQueries.SpendRequestItem> spendRequests(@RequestParam(required = false) String walletId,
                                                       @RequestParam(required = false) String orgId,
                                                       @RequestParam(required = false) SpendRequestStatus status,
                                                       @RequestParam(required = false) Instant from,
                                                       @RequestParam(required = false) Instant to,
                                                       @RequestParam(required = false) Integer limit,
                                                       @RequestParam(required = false) String cursor,
                                                       @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        return queries.spendRequests(new WalletQueries.SpendRequestFilter(walletId, orgId, wire(status), from, to),
                limit, cursor);
    }

    @Operation(summary = "Show one spend request",
            description = "The request with its approvals, its closing and the authorization that used it.")
    @GetMapping("/spend-requests/{id}")
    WalletQueries.SpendRequestItem spendRequest(@PathVariable String id,
                                                @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        return queries.spendRequest(id).orElseThrow(() -> notFound("spend request", id));
    }

    /** Read-your-writes: a wallet's row counts from every wallet read model, so all of them must have passed. */
    private void await(Long minPosition) {
        progress.await(READ_MODELS, minPosition);
    }

    private static ResponseStatusException notFound(String what, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " " + id);
    }
}
