package com.opsledger.command.wallet;

import com.opsledger.command.CommandSender;
import com.opsledger.command.ContentHash;
import com.opsledger.command.EventPositions;
import com.opsledger.events.InvalidInput;
import com.opsledger.events.wallet.SpendPolicy;
import com.opsledger.events.wallet.WalletIds;
import com.opsledger.events.wallet.command.CancelSpendRequest;
import com.opsledger.events.wallet.command.OpenWallet;
import com.opsledger.events.wallet.command.RequestSpend;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

/**
 * The platform opens agents' wallets and asks for spend on their behalf here, with its service credential. Each call
 * names its own id, so a retry answers as the first call did (200 instead of 201) and records nothing.
 */
@RestController
@RequestMapping("/api/v1/ingest/agent-wallet/wallets")
class WalletIngestController {

    /** A lower-case ISO 4217 code, as Stripe writes currencies. */
    private static final String CURRENCY = "[a-z]{3}";

    record OpenWalletRequest(@NotBlank @Size(max = 200) String agentId,
                             @NotBlank @Size(max = 200) String orgId,
                             @NotBlank @Size(max = 200) String workspaceId,
                             @NotNull @Pattern(regexp = CURRENCY) String currency,
                             @NotNull @Valid SpendPolicyInput policy) {
    }

    record WalletReceipt(String walletId, String agentId, boolean created, long position) {
    }

    record SpendRequestBody(@NotBlank @Size(max = 200) String requestId,
                            @NotBlank @Size(max = 200) String requestedBy,
                            @NotNull @Min(1) @Max(SpendPolicy.MAX_AMOUNT) Long amount,
                            @NotNull @Pattern(regexp = CURRENCY) String currency,
                            @Size(min = 1, max = 200) String merchantName,
                            @Pattern(regexp = SpendPolicyInput.CATEGORY) String category,
                            @NotBlank @Size(max = 2000) String purpose,
                            @NotNull Instant expiresAt) {
    }

    record SpendRequestReceipt(String spendRequestId, String walletId, String requestId, boolean created,
                               long position) {
    }

    record CancelReceipt(String spendRequestId, boolean canceled, long position) {
    }

    private final CommandSender commands;
    private final EventPositions positions;
    private final Clock clock;

    WalletIngestController(CommandSender commands, EventPositions positions, Clock clock) {
        this.commands = commands;
        this.positions = positions;
        this.clock = clock;
    }

    @Operation(summary = "Open an agent wallet",
            description = "The platform opens one wallet per agent with its spend policy. 201 when opened; the same "
                    + "call again answers 200, other details for the same agent are a 409.")
    @PostMapping
    ResponseEntity<WalletReceipt> open(@Valid @RequestBody OpenWalletRequest request) {
        requireIsoCurrency(request.currency());
        SpendPolicy policy = request.policy().toPolicy();
        String walletId = WalletIds.forAgent(request.agentId());
        boolean created = commands.send(new OpenWallet(walletId, request.agentId(), request.orgId(),
                request.workspaceId(), request.currency(), policy,
                ContentHash.of(request.agentId(), request.orgId(), request.workspaceId(), request.currency(),
                        policy.toString())));
        WalletReceipt body = new WalletReceipt(walletId, request.agentId(), created,
                positions.lastPositionOf(walletId));
        return created ? ResponseEntity.created(URI.create("/api/v1/admin/agent-wallet/wallets/" + walletId)).body(body)
                : ResponseEntity.ok(body);
    }

    @Operation(summary = "Ask for a spend",
            description = "An agent's user asks to spend up to an amount at a merchant or in a category until a time "
                    + "(at most 90 days ahead). Idempotent per requestId.")
    @PostMapping("/{walletId}/spend-requests")
    ResponseEntity<SpendRequestReceipt> requestSpend(@PathVariable String walletId,
                                                     @Valid @RequestBody SpendRequestBody request) {
        WalletIds.requireWallet(walletId);
        if (request.merchantName() == null && request.category() == null) {
            throw new InvalidInput("merchantName", "name a merchant, a category, or both");
        }
        String spendRequestId = WalletIds.spendRequestFor(walletId, request.requestId());
        boolean created = commands.send(new RequestSpend(walletId, spendRequestId, request.requestId(),
                request.requestedBy(), request.amount(), request.currency(), request.merchantName(),
                request.category(), request.purpose(), request.expiresAt(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                ContentHash.of(request.requestedBy(), request.amount().toString(), request.currency(),
                        request.merchantName(), request.category(), request.purpose(),
                        request.expiresAt().toString())));
        SpendRequestReceipt body = new SpendRequestReceipt(spendRequestId, walletId, request.requestId(), created,
                positions.lastPositionOf(walletId));
        return created ? ResponseEntity.created(URI.create("/api/v1/admin/agent-wallet/spend-requests/"
                + spendRequestId)).body(body) : ResponseEntity.ok(body);
    }

    /** Withdraws a spend request not used yet; canceling it again answers {@code canceled: false}. */
    @Operation(summary = "Withdraw a spend request",
            description = "The platform withdraws a spend request that is still requested or approved and not used.")
    @PostMapping("/{walletId}/spend-requests/{spendRequestId}/cancel")
    CancelReceipt cancel(@PathVariable String walletId, @PathVariable String spendRequestId) {
        WalletIds.requireWallet(walletId);
        boolean canceled = commands.send(new CancelSpendRequest(walletId, spendRequestId));
        return new CancelReceipt(spendRequestId, canceled, positions.lastPositionOf(walletId));
    }

    private static void requireIsoCurrency(String code) {
        try {
            Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("currency", "'" + code + "' is no ISO 4217 currency code");
        }
    }
}
