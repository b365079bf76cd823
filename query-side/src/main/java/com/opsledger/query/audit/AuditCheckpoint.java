package com.opsledger.query.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static com.opsledger.query.sql.SqlValues.instant;

/**
 * A signed checkpoint of the chain: positions {@code fromPosition..toPosition}, the chain's hash at {@code
 * toPosition}, and the previous checkpoint's signature (null for the first), signed by key {@code keyId} over
 * {@link #signedBytes()}.
 */
record AuditCheckpoint(long number, long fromPosition, long toPosition, byte[] headHash, byte[] previousSignature,
                       Instant signedAt, String keyId, byte[] signature) {

    static final String COLUMNS = """
            number, from_position, to_position, head_hash, previous_signature, signed_at, key_id, signature""";
    private static final byte[] DOMAIN = "opsledger-audit-checkpoint-v1".getBytes(StandardCharsets.US_ASCII);

    static AuditCheckpoint read(ResultSet rs) throws SQLException {
        return new AuditCheckpoint(rs.getLong("number"), rs.getLong("from_position"), rs.getLong("to_position"),
                rs.getBytes("head_hash"), rs.getBytes("previous_signature"), instant(rs, "signed_at"),
                rs.getString("key_id"), rs.getBytes("signature"));
    }

    /** A new checkpoint signed with {@code keys}; its time in microseconds, as PostgreSQL keeps it. */
    static AuditCheckpoint sign(AuditKeys keys, AuditCheckpoint previous, long toPosition, byte[] headHash,
                                Instant now) {
        AuditCheckpoint unsigned = new AuditCheckpoint(previous == null ? 1 : previous.number + 1,
                previous == null ? 1 : previous.toPosition + 1, toPosition, headHash,
                previous == null ? null : previous.signature, now.truncatedTo(ChronoUnit.MICROS),
                keys.signingKeyId(), null);
        return new AuditCheckpoint(unsigned.number, unsigned.fromPosition, unsigned.toPosition, headHash,
                unsigned.previousSignature, unsigned.signedAt, unsigned.keyId, keys.sign(unsigned.signedBytes()));
    }

    /**
     * {@code "opsledger-audit-checkpoint-v1" || int64(number) || int64(from) || int64(to) || head hash (32 bytes) ||
     * int32(length) || previous signature (length 0 for none) || int64(signed at, µs since the epoch) ||
     * key id (16 ASCII hex digits)}.
     */
    byte[] signedBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(DOMAIN);
        ByteBuffer numbers = ByteBuffer.allocate(3 * Long.BYTES).putLong(number).putLong(fromPosition)
                .putLong(toPosition);
        out.writeBytes(numbers.array());
        out.writeBytes(headHash);
        byte[] previous = previousSignature == null ? new byte[0] : previousSignature;
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(previous.length).array());
        out.writeBytes(previous);
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(ChronoUnit.MICROS.between(Instant.EPOCH, signedAt))
                .array());
        out.writeBytes(keyId.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
