package com.opsledger.query.wallet;

import com.opsledger.events.wallet.SpendRequestStatus;
import com.opsledger.query.projection.ProjectionProgress;
import com.opsledger.query.sql.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;

import static com.opsledger.query.sql.SqlValues.wire;

/**
 * The agent wallet screens: wallets, one wallet with its policy history and spend requests, and the spend requests
 * of every wallet, waiting ones first.
 */
@RestController
@RequestMapping("/api/v1/admin/agent-wallet")
class WalletController {

    record WalletDetail(WalletQueries.WalletItem wallet, List<WalletQueries.PolicyVersion> policyHistory,
                        Page<WalletQueries.SpendRequestItem> spendRequests) {
    }

    private final WalletQueries queries;
    private final ProjectionProgress progress;

    WalletController(WalletQueries queries, ProjectionProgress progress) {
        this.queries = queries;
        this.progress = progress;
    }

    @GetMapping
    Page<WalletQueries.WalletItem> wallets(@RequestParam(required = false) String orgId,
                                           @RequestParam(required = false) String workspaceId,
                                           @RequestParam(required = false) String agentId,
                                           @RequestParam(required = false) Integer limit,
                                           @RequestParam(required = false) String cursor,
                                           @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        return queries.wallets(orgId, workspaceId, agentId, limit, cursor);
    }

    /** A wallet, its policies newest first, and its spend requests (waiting ones first, paged). */
    @GetMapping("/wallets/{id}")
    WalletDetail wallet(@PathVariable String id,
                        @RequestParam(required = false) Integer limit,
                        @RequestParam(required = false) String cursor,
                        @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        WalletQueries.WalletItem wallet = queries.wallet(id).orElseThrow(() -> notFound("wallet", id));
        return new WalletDetail(wallet, queries.policyHistory(id), queries.spendRequests(
                new WalletQueries.SpendRequestFilter(id, null, null, null, null), limit, cursor));
    }

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

    @GetMapping("/spend-requests/{id}")
    WalletQueries.SpendRequestItem spendRequest(@PathVariable String id,
                                                @RequestParam(required = false) Long minPosition) {
        await(minPosition);
        return queries.spendRequest(id).orElseThrow(() -> notFound("spend request", id));
    }

    /** Read-your-writes: a wallet's rows count its spend requests, so both read models must have passed. */
    private void await(Long minPosition) {
        progress.await(WalletProjection.READ_MODEL, minPosition);
        progress.await(SpendRequestProjection.READ_MODEL, minPosition);
    }

    private static ResponseStatusException notFound(String what, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " " + id);
    }
}
