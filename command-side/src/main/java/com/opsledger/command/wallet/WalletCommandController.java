package com.opsledger.command.wallet;

import com.opsledger.command.CommandAccepted;
import com.opsledger.command.CommandSender;
import com.opsledger.command.EventPositions;
import com.opsledger.events.wallet.WalletIds;
import com.opsledger.events.wallet.command.ApproveSpendRequest;
import com.opsledger.events.wallet.command.CancelSpendRequest;
import com.opsledger.events.wallet.command.ChangeSpendPolicy;
import com.opsledger.events.wallet.command.RejectSpendRequest;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Operators change spend policies and approve, reject or cancel spend requests here. Each answer carries its
 * position.
 */
@RestController
@RequestMapping("/api/v1/admin/agent-wallet/wallets/{walletId}")
class WalletCommandController {

    private static final int MAX_REASON = 2000;

    record PolicyChange(@NotNull @Valid SpendPolicyInput policy, @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    record Reason(@Size(max = MAX_REASON) String reason) {
    }

    record RequiredReason(@NotBlank @Size(max = MAX_REASON) String reason) {
    }

    private final CommandSender commands;
    private final EventPositions positions;
    private final Clock clock;

    WalletCommandController(CommandSender commands, EventPositions positions, Clock clock) {
        this.commands = commands;
        this.positions = positions;
        this.clock = clock;
    }

    @Operation(summary = "Change a wallet's spend policy",
            description = "Limits per authorization, day and month, allowed and blocked merchant categories, and the "
                    + "approval and dual-control thresholds; the reason is required. Earlier spend requests keep "
                    + "their approval count.")
    @PostMapping("/policy")
    CommandAccepted changePolicy(@PathVariable String walletId, @Valid @RequestBody PolicyChange body) {
        return apply(walletId, new ChangeSpendPolicy(walletId, body.policy().toPolicy()), body.reason());
    }

    @Operation(summary = "Approve a spend request",
            description = "Above the dual-control threshold a second, different operator must approve too; the "
                    + "requester can never approve.")
    @PostMapping("/spend-requests/{spendRequestId}/approve")
    CommandAccepted approve(@PathVariable String walletId, @PathVariable String spendRequestId,
                            @Valid @RequestBody(required = false) Reason body, Principal operator) {
        return apply(walletId, new ApproveSpendRequest(walletId, spendRequestId, operator.getName(),
                clock.instant().truncatedTo(ChronoUnit.MICROS)), body == null ? null : body.reason());
    }

    @Operation(summary = "Reject a spend request",
            description = "Closes a requested spend request; the reason is required.")
    @PostMapping("/spend-requests/{spendRequestId}/reject")
    CommandAccepted reject(@PathVariable String walletId, @PathVariable String spendRequestId,
                           @Valid @RequestBody RequiredReason body, Principal operator) {
        return apply(walletId, new RejectSpendRequest(walletId, spendRequestId, operator.getName()), body.reason());
    }

    /** Withdraws an approved (or still requested) spend request before an authorization uses it. */
    @Operation(summary = "Cancel a spend request",
            description = "Closes a requested or approved spend request that no authorization has used; the reason is "
                    + "required.")
    @PostMapping("/spend-requests/{spendRequestId}/cancel")
    CommandAccepted cancel(@PathVariable String walletId, @PathVariable String spendRequestId,
                           @Valid @RequestBody RequiredReason body) {
        return apply(walletId, new CancelSpendRequest(walletId, spendRequestId), body.reason());
    }

    private CommandAccepted apply(String walletId, Object command, String reason) {
        WalletIds.requireWallet(walletId);
        commands.send(command, reason);
        return new CommandAccepted(walletId, positions.lastPositionOf(walletId));
    }
}
