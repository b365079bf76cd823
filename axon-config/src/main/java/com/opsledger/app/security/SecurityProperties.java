package com.opsledger.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How callers prove who they are.
 *
 * @param rolesClaim the JWT claim that lists an operator's roles (operator, auditor, admin)
 * @param jwt        how operator tokens are verified
 * @param serviceKey the platform's ingest credential, sent as the {@code X-Service-Key} header
 */
@ConfigurationProperties("opsledger.security")
public record SecurityProperties(String rolesClaim, Jwt jwt, String serviceKey) {

    static final int MIN_SECRET_BYTES = 32;
    static final int MIN_SERVICE_KEY_CHARS = 16;

    /**
     * @param hmacSecret  shared HS256 secret for operator tokens, when no JWK set is configured (local use; at
     *                    least 32 bytes)
     * @param issuer      the {@code iss} every token must carry; required with a JWK set
     * @param audience    a value the token's {@code aud} must contain; required with a JWK set
     * @param maxLifetime the longest a token may be valid: from its {@code iat} (or from now) to its {@code exp}
     */
    public record Jwt(String hmacSecret, String issuer, String audience, Duration maxLifetime) {
        public Jwt {
            maxLifetime = maxLifetime == null ? Duration.ofHours(12) : maxLifetime;
        }
    }

    public SecurityProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        jwt = jwt == null ? new Jwt(null, null, null, null) : jwt;
    }

    boolean hasHmacSecret() {
        return present(jwt.hmacSecret());
    }

    /**
     * Every setting missing or too weak for the service to start, in words an engineer acts on; empty when it may
     * start. Checked before anything touches the database ({@code SecurityConfiguration#securitySettingsFirst}).
     */
    List<String> problems(String jwkSetUri) {
        List<String> problems = new ArrayList<>();
        if (serviceKey == null || serviceKey.length() < MIN_SERVICE_KEY_CHARS) {
            problems.add("opsledger.security.service-key (OPSLEDGER_SERVICE_KEY) must be set to at least "
                    + MIN_SERVICE_KEY_CHARS + " characters: it is the platform's ingest credential");
        }
        if (present(jwkSetUri)) {
            if (!present(jwt.issuer()) || !present(jwt.audience())) {
                problems.add("With a JWK set, opsledger.security.jwt.issuer (OPSLEDGER_SECURITY_JWT_ISSUER) and "
                        + "opsledger.security.jwt.audience (OPSLEDGER_SECURITY_JWT_AUDIENCE) must be set: tokens "
                        + "another issuer or another service was given must not be accepted");
            }
        } else if (!hasHmacSecret()) {
            problems.add("No way to verify operator tokens: set "
                    + "spring.security.oauth2.resourceserver.jwt.jwk-set-uri (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI) "
                    + "or opsledger.security.jwt.hmac-secret (OPSLEDGER_JWT_HMAC_SECRET)");
        } else if (jwt.hmacSecret().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            problems.add("opsledger.security.jwt.hmac-secret must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
        if (jwt.maxLifetime().isNegative() || jwt.maxLifetime().isZero()) {
            problems.add("opsledger.security.jwt.max-lifetime must be positive");
        }
        return problems;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
