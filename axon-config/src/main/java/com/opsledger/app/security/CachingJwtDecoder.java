package com.opsledger.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;

/**
 * Remembers the tokens its verifier accepted, so an operator's console does not pay for parsing, signature and claim
 * checks on every read (about a tenth of a read's CPU). A remembered token is served only before its {@code exp}
 * and for at most {@code maxAge} (so a key removed from the JWK set stops working within it); past its expiry it
 * goes back to the verifier, which decides. Rejected tokens are never remembered.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    CachingJwtDecoder(JwtDecoder verifier, Clock clock, int maxTokens, Duration maxAge) {
        this.verifier = verifier;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(maxAge).build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt remembered = accepted.getIfPresent(token);
        if (remembered != null && unexpired(remembered)) {
            return remembered;
        }
        Jwt verified = verifier.decode(token);
        if (unexpired(verified)) {
            accepted.put(token, verified);
        }
        return verified;
    }

    private boolean unexpired(Jwt jwt) {
        return jwt.getExpiresAt() == null || clock.instant().isBefore(jwt.getExpiresAt());
    }
}
