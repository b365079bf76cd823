package com.opsledger.query.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Ed25519 keys of the checkpoints (the JDK's own implementation): the one that signs, if any, and those the
 * verifier trusts, each known by its id, the first 16 hex digits of the SHA-256 of its X.509 encoding.
 */
public final class AuditKeys {

    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey signingKey;
    private final String signingKeyId;
    private final Map<String, PublicKey> trusted;

    private AuditKeys(PrivateKey signingKey, String signingKeyId, Map<String, PublicKey> trusted) {
        this.signingKey = signingKey;
        this.signingKeyId = signingKeyId;
        this.trusted = trusted;
    }

    /**
     * The keys of the settings. A signing key must come with its public key among the trusted ones (checked by
     * signing a probe), so that no checkpoint is ever signed that the verifier would refuse.
     */
    static AuditKeys of(String signingKeyText, Collection<String> publicKeyTexts) {
        AuditKeys keys = verifyingWith(publicKeyTexts);
        if (signingKeyText == null || signingKeyText.isBlank()) {
            return keys;
        }
        PrivateKey signing;
        try {
            signing = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(signingKeyText.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("opsledger.audit.signing-key must be the base64 of an Ed25519 private "
                    + "key in PKCS#8 (java -jar opsledger.jar audit-keys prints a new pair)", e);
        }
        byte[] probe = "opsledger-audit-key-probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] signature = sign(signing, probe);
        String id = keys.trusted.entrySet().stream()
                .filter(key -> verify(key.getValue(), probe, signature))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("opsledger.audit.public-keys must hold the public key "
                        + "of opsledger.audit.signing-key"));
        return new AuditKeys(signing, id, keys.trusted);
    }

    /** Only public keys: what the verifier needs. */
    public static AuditKeys verifyingWith(Collection<String> publicKeyTexts) {
        Map<String, PublicKey> trusted = new LinkedHashMap<>();
        for (String text : publicKeyTexts) {
            if (text.isBlank()) {
                continue;
            }
            try {
                byte[] encoded = Base64.getDecoder().decode(text.strip());
                trusted.put(id(encoded), KeyFactory.getInstance(ALGORITHM)
                        .generatePublic(new X509EncodedKeySpec(encoded)));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("an audit public key must be the base64 of an Ed25519 public key in "
                        + "X.509 encoding", e);
            }
        }
        return new AuditKeys(null, null, trusted);
    }

    /** A new key pair, base64: private (PKCS#8), public (X.509). */
    public static String[] generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new String[]{Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK since 15 has Ed25519", e);
        }
    }

    boolean canSign() {
        return signingKey != null;
    }

    String signingKeyId() {
        return signingKeyId;
    }

    byte[] sign(byte[] message) {
        return sign(signingKey, message);
    }

    /** Whether {@code signature} is the trusted key {@code keyId}'s over {@code message}; false for unknown keys. */
    boolean verify(String keyId, byte[] message, byte[] signature) {
        return Optional.ofNullable(trusted.get(keyId)).map(key -> verify(key, message, signature)).orElse(false);
    }

    boolean trusts(String keyId) {
        return trusted.containsKey(keyId);
    }

    private static String id(byte[] encodedPublicKey) {
        return HexFormat.of().formatHex(AuditHash.sha256().digest(encodedPublicKey)).substring(0, 16);
    }

    private static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint", e);
        }
    }

    private static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
