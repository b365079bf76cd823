package com.opsledger.app.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an operator token must carry beyond a valid signature: an {@code exp} in the future and at most
 * {@code max-lifetime} away (from its {@code iat}, and from now), a subject that is not blank (it becomes the
 * {@code actor} of every event the operator causes, the audit trail's "who"), and, when configured, the expected
 * {@code iss} and an {@code aud} naming this service. Without these, a token without {@code exp} never expired and
 * one without {@code sub} recorded actor null.
 */
final class TokenRules {

    private TokenRules() {
    }

    static OAuth2TokenValidator<Jwt> of(SecurityProperties.Jwt settings, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> rules = new ArrayList<>();
        rules.add(timestamps);
        rules.add(jwt -> expiresWithin(jwt, settings.maxLifetime(), clock));
        rules.add(jwt -> jwt.getSubject() == null || jwt.getSubject().isBlank()
                ? invalid("the token has no subject (sub)") : OAuth2TokenValidatorResult.success());
        if (settings.issuer() != null && !settings.issuer().isBlank()) {
            rules.add(new JwtIssuerValidator(settings.issuer()));
        }
        if (settings.audience() != null && !settings.audience().isBlank()) {
            rules.add(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(settings.audience())
                    ? OAuth2TokenValidatorResult.success()
                    : invalid("the token is not meant for this service (aud)"));
        }
        return new DelegatingOAuth2TokenValidator<>(rules);
    }

    private static OAuth2TokenValidatorResult expiresWithin(Jwt jwt, Duration maxLifetime, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return invalid("the token has no expiry (exp)");
        }
        Instant now = clock.instant();
        boolean tooLong = Duration.between(now, expiresAt).compareTo(maxLifetime) > 0
                || jwt.getIssuedAt() != null && Duration.between(jwt.getIssuedAt(), expiresAt).compareTo(maxLifetime) > 0;
        return tooLong ? invalid("the token is valid for longer than " + maxLifetime) : OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, why, null));
    }
}
