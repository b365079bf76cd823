package com.opsledger.app;

import com.opsledger.app.security.LocalTokens;
import com.opsledger.app.security.StripeSignatures;
import com.opsledger.command.connector.delivery.DeliverySignature;
import com.opsledger.query.audit.AuditKeys;
import com.opsledger.query.audit.AuditVerifier;
import com.opsledger.query.audit.ProofCheck;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The OpsLedger service: command side, query side or both, as {@code opsledger.node.roles} says ({@link NodeRoles});
 * the two sides are scanned here, each under its role.
 *
 * <p>{@code java -jar opsledger.jar mint-token --subject alice --roles operator} prints a signed operator token
 * instead of starting the service; {@code java -jar opsledger.jar sign-stripe-event < event.json} prints the
 * {@code Stripe-Signature} header for a webhook payload ({@link StripeSignatures}); {@code verify-audit} checks a
 * database's audit chain ({@link AuditVerifier}) and {@code audit-keys} prints a new checkpoint key pair.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpsLedgerApplication {

    /** The command side: aggregates, policies, ingest and command endpoints, on nodes with the command role. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(NodeRoles.CommandRole.class)
    @ComponentScan("com.opsledger.command")
    static class CommandSide {
    }

    /** The query side: projections, read endpoints, read-your-writes, on nodes with the query role. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(NodeRoles.QueryRole.class)
    @ComponentScan("com.opsledger.query")
    static class QuerySide {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals("mint-token")) {
            System.out.println(LocalTokens.mintFromCommandLine(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        if (args.length > 0 && args[0].equals("sign-stripe-event")) {
            System.out.println(StripeSignatures.signFromCommandLine(new String(System.in.readAllBytes(),
                    StandardCharsets.UTF_8)));
            return;
        }
        if (args.length == 3 && args[0].equals("sign-standard-webhook")) {
            // For trying connector webhooks locally: the headers a Standard Webhooks upstream sends with the body.
            DeliverySignature.headers(List.of(args[1]), args[2], Instant.now(), new String(System.in.readAllBytes(),
                    StandardCharsets.UTF_8)).forEach((name, value) -> System.out.println(name + ": " + value));
            return;
        }
        if (args.length > 0 && args[0].equals("verify-audit")) {
            System.exit(AuditVerifier.fromCommandLine(Arrays.copyOfRange(args, 1, args.length), System.out,
                    System.err));
        }
        if (args.length > 0 && args[0].equals("verify-proof")) {
            System.exit(ProofCheck.fromCommandLine(Arrays.copyOfRange(args, 1, args.length), System.out,
                    System.err));
        }
        if (args.length == 1 && args[0].equals("audit-keys")) {
            String[] pair = AuditKeys.generate();
            System.out.println("OPSLEDGER_AUDIT_SIGNING_KEY=" + pair[0]);
            System.out.println("OPSLEDGER_AUDIT_PUBLIC_KEYS=" + pair[1]);
            return;
        }
        disableAxonUpdateChecker();
        SpringApplication.run(OpsLedgerApplication.class, args);
    }

    /** Axon's update checker calls home and writes ~/.axoniq; it stays off unless explicitly switched on. */
    private static void disableAxonUpdateChecker() {
        if (System.getProperty("axoniq.update-checker.disabled") == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
