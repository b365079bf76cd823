package com.opsledger.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How callers prove who they are.
 *
 * @param rolesClaim the JWT claim that lists an operator's roles (operator, auditor, admin)
 * @param jwt        how operator tokens are verified when no JWK set URI is configured
 * @param serviceKey the platform's ingest credential, sent as the {@code X-Service-Key} header
 */
@ConfigurationProperties("opsledger.security")
public record SecurityProperties(String rolesClaim, Jwt jwt, String serviceKey) {

    /** @param hmacSecret shared HS256 secret for operator tokens (local use; at least 32 bytes) */
    public record Jwt(String hmacSecret) {
    }

    public SecurityProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        jwt = jwt == null ? new Jwt(null) : jwt;
    }

    boolean hasHmacSecret() {
        return jwt.hmacSecret() != null && !jwt.hmacSecret().isBlank();
    }
}
