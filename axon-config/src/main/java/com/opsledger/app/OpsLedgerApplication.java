package com.opsledger.app;

import com.opsledger.app.security.LocalTokens;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

/**
 * The OpsLedger service: command side, query side or both, as {@code opsledger.node.roles} says.
 *
 * <p>{@code java -jar opsledger.jar mint-token --subject alice --roles operator} prints a signed operator token
 * instead of starting the service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpsLedgerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("mint-token")) {
            System.out.println(LocalTokens.mintFromCommandLine(Arrays.copyOfRange(args, 1, args.length)));
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
