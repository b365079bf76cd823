package com.opsledger.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mints HS256 operator tokens for local use and tests, signed with the configured HMAC secret.
 *
 * <p>From the jar: {@code java -jar opsledger.jar mint-token --subject alice --roles operator [--ttl PT8H]}; the secret
 * comes from {@code OPSLEDGER_JWT_HMAC_SECRET}, or is the documented local secret when that is unset.
 */
public final class LocalTokens {

    /** The secret of local mode (README: "Local mode"). Never valid outside it: production refuses to start without its own. */
    public static final String LOCAL_HMAC_SECRET = "opsledger-local-development-secret-not-for-production";
    /** The ingest service key of local mode. */
    public static final String LOCAL_SERVICE_KEY = "opsledger-local-service-key";

    private LocalTokens() {
    }

    public static String mint(String hmacSecret, String subject, List<String> roles, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("opsledger-local")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("roles", roles)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(hmacSecret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign with that secret: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    public static String mintFromCommandLine(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of("--subject", "local-operator", "--roles", Roles.OPERATOR,
                "--ttl", "PT8H"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; use --subject, --roles, --ttl");
            }
            options.put(args[i], args[i + 1]);
        }
        String secret = System.getenv("OPSLEDGER_JWT_HMAC_SECRET");
        return mint(secret == null || secret.isBlank() ? LOCAL_HMAC_SECRET : secret, options.get("--subject"),
                Arrays.stream(options.get("--roles").split(",")).map(String::trim).toList(),
                Duration.parse(options.get("--ttl")));
    }
}
