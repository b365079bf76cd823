package com.opsledger.app;

import com.opsledger.app.security.LocalTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Local mode's first call needs no third command: once the service is up it mints an operator, an auditor and an admin
 * token with the local secret, prints them, and writes them as shell variables to {@code tokens.env} in its data
 * folder ({@code . axon-config/.opsledger-local/tokens.env}). Test sources only, like the rest of local mode.
 */
@Component
@Profile("local")
class LocalModeTokens {

    private static final Logger log = LoggerFactory.getLogger(LocalModeTokens.class);
    /** Under the token rules' longest lifetime (12 h). */
    private static final Duration LIFETIME = Duration.ofHours(8);

    private final String hmacSecret;
    private final Path file;

    LocalModeTokens(@Value("${opsledger.security.jwt.hmac-secret}") String hmacSecret,
                    @Value("${opsledger.local.tokens-file:.opsledger-local/tokens.env}") Path file) {
        this.hmacSecret = hmacSecret;
        this.file = file;
    }

    @EventListener(ApplicationReadyEvent.class)
    void mintAndShow() {
        String variables = "TOKEN=" + mint("local-operator", "operator") + "\n"
                + "AUDIT_TOKEN=" + mint("local-auditor", "auditor") + "\n"
                + "ADMIN_TOKEN=" + mint("local-admin", "admin") + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, variables);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local tokens to " + file, e);
        }
        log.info("Local mode tokens, valid for {} h (also in {}; load them with: . {}):\n{}", LIFETIME.toHours(),
                file.toAbsolutePath(), file.toAbsolutePath(), variables);
    }

    private String mint(String subject, String role) {
        return LocalTokens.mint(hmacSecret, subject, List.of(role), LIFETIME);
    }
}
