package com.opsledger.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    private static final String SECRET = "caching-jwt-decoder-test-secret-of-32-bytes";

    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder nimbus = NimbusJwtDecoder
            .withSecretKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
            .macAlgorithm(MacAlgorithm.HS256).build();
    private final JwtDecoder counting = token -> {
        verifications.incrementAndGet();
        return nimbus.decode(token);
    };

    @Test
    void anAcceptedTokenIsVerifiedOnce() {
        String token = LocalTokens.mint(SECRET, "alice", List.of(Roles.OPERATOR), Duration.ofHours(1));
        JwtDecoder decoder = decoderAt(Instant.now());

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second.getSubject()).isEqualTo("alice");
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRejectedTokenIsNeverRemembered() {
        String forged = LocalTokens.mint("another-secret-that-is-also-32-bytes-long", "mallory",
                List.of(Roles.ADMIN), Duration.ofHours(1));
        JwtDecoder decoder = decoderAt(Instant.now());

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenPastItsExpiryIsNeverServedFromMemory() {
        String token = LocalTokens.mint(SECRET, "alice", List.of(Roles.OPERATOR), Duration.ofHours(1));
        // this decoder's clock is two hours on; the verifier's (real time) still accepts the token
        JwtDecoder decoder = decoderAt(Instant.now().plus(Duration.ofHours(2)));

        decoder.decode(token);
        decoder.decode(token);

        assertThat(verifications).hasValue(2);
    }

    private JwtDecoder decoderAt(Instant now) {
        return new CachingJwtDecoder(counting, Clock.fixed(now, ZoneOffset.UTC), 100, Duration.ofMinutes(5));
    }
}
