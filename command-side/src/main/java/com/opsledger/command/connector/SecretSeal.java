package com.opsledger.command.connector;

import com.opsledger.command.HmacSha256;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals connection secrets for their events with AES-256-GCM under {@code opsledger.connector.secret-key}: the event
 * history (which auditors read and export) never holds a secret in the clear. Each sealed secret is bound to its
 * connection (the id is the GCM associated data), so one cannot be moved to another connection. Format:
 * {@value #PREFIX} + base64url(12-byte nonce ‖ ciphertext ‖ tag).
 */
@Component
public class SecretSeal {

    static final String PREFIX = "sealed.v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyText;
    private final SecureRandom random = new SecureRandom();

    SecretSeal(ConnectorSettings settings) {
        this.keyText = settings.secretKey();
        if (keyText.isBlank()) {
            this.key = null;
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(keyText);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("opsledger.connector.secret-key must be base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("opsledger.connector.secret-key must be 32 bytes (base64 of 44"
                    + " characters), not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    String seal(String connectionId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, connectionId, nonce, secret.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer
                .allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    }

    String open(String connectionId, String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("not a sealed secret");
        }
        byte[] all = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
        byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
        byte[] body = Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(crypt(Cipher.DECRYPT_MODE, connectionId, nonce, body), StandardCharsets.UTF_8);
    }

    /** A keyed hash of a secret, to tell a repeated registration from one with another secret without storing it. */
    String fingerprint(String secret) {
        requireKey();
        return HmacSha256.hex(keyText, "connection-secret:" + secret);
    }

    /** Refuses the connector endpoints with a 503 while no key is configured. */
    void requireKey() {
        if (key == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "connector delivery is not configured here (opsledger.connector.secret-key)");
        }
    }

    private byte[] crypt(int mode, String connectionId, byte[] nonce, byte[] input) {
        requireKey();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(connectionId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a connection secret could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "sealed" : "opened: sealed under another key, or changed"), e);
        }
    }
}
