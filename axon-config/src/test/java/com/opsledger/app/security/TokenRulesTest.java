package com.opsledger.app.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The claims an operator token must carry, checked by the verifier the service builds. */
class TokenRulesTest {

    private static final String SECRET = "token-rules-test-secret-of-at-least-32-bytes";

    private final JwtDecoder strict = SecurityConfiguration.verifier(new SecurityProperties("roles",
            new SecurityProperties.Jwt(SECRET, "https://idp.example", "opsledger", Duration.ofHours(8)), "k"), "");
    private final JwtDecoder lenient = SecurityConfiguration.verifier(new SecurityProperties("roles",
            new SecurityProperties.Jwt(SECRET, null, null, null), "k"), "");

    @Test
    void aTokenWithEverythingIsAccepted() {
        assertThat(strict.decode(token(c -> c)).getSubject()).isEqualTo("alice");
        assertThat(lenient.decode(token(c -> c.issuer(null).audience((String) null))).getSubject()).isEqualTo("alice");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertRefused(strict, token(c -> c.expirationTime(null)), "exp");
        assertRefused(lenient, token(c -> c.expirationTime(null)), "exp");
    }

    @Test
    void aTokenValidForTooLongIsRefused() {
        assertRefused(strict, token(c -> c.expirationTime(Date.from(Instant.now().plus(Duration.ofHours(9))))),
                "longer than");
        Instant longAgo = Instant.now().minus(Duration.ofDays(30));
        assertRefused(strict, token(c -> c.issueTime(Date.from(longAgo))), "longer than");
        assertRefused(lenient, token(c -> c.expirationTime(Date.from(Instant.now().plus(Duration.ofDays(365))))),
                "longer than");
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(strict, token(c -> c.issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600)))), "expired");
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        assertRefused(strict, token(c -> c.subject(null)), "sub");
        assertRefused(lenient, token(c -> c.subject("")), "sub");
        assertRefused(lenient, token(c -> c.subject("   ")), "sub");
    }

    @Test
    void issuerAndAudienceAreCheckedWhenConfigured() {
        assertRefused(strict, token(c -> c.issuer("https://other.example")), "iss");
        assertRefused(strict, token(c -> c.issuer(null)), "iss");
        assertRefused(strict, token(c -> c.audience("another-service")), "aud");
        assertRefused(strict, token(c -> c.audience((String) null)), "aud");
        assertThat(strict.decode(token(c -> c.audience(List.of("another-service", "opsledger")))).getSubject())
                .isEqualTo("alice");
    }

    private static void assertRefused(JwtDecoder decoder, String token, String why) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining(why);
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("alice").issuer("https://idp.example")
                .audience("opsledger").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("roles", List.of("operator"));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(claims).build());
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
