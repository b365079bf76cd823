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
 * toPosition}, the root of the RFC 6962 Merkle tree over the range's leaves (null in checkpoints made before there
 * were trees), and the previous checkpoint's signature (null for the first), signed by key {@code keyId} over
 * {@link #signedBytes()}.
 */
record AuditCheckpoint(long number, long fromPosition, long toPosition, byte[] headHash, byte[] previousSignature,
                       Instant signedAt, String keyId, byte[] merkleRoot, byte[] signature) {

    static final String COLUMNS = """
            number, from_position, to_position, head_hash, previous_signature, signed_at, key_id, merkle_root,
            signature""";
    private static final byte[] DOMAIN_V1 = "opsledger-audit-checkpoint-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOMAIN_V2 = "opsledger-audit-checkpoint-v2".getBytes(StandardCharsets.US_ASCII);

    static AuditCheckpoint read(ResultSet rs) throws SQLException {
        return new AuditCheckpoint(rs.getLong("number"), rs.getLong("from_position"), rs.getLong("to_position"),
                rs.getBytes("head_hash"), rs.getBytes("previous_signature"), instant(rs, "signed_at"),
                rs.getString("key_id"), rs.getBytes("merkle_root"), rs.getBytes("signature"));
    }

    /** A new checkpoint signed with {@code keys}; its time in microseconds, as PostgreSQL keeps it. */
    static AuditCheckpoint sign(AuditKeys keys, AuditCheckpoint previous, long toPosition, byte[] headHash,
                                byte[] merkleRoot, Instant now) {
        AuditCheckpoint unsigned = new AuditCheckpoint(previous == null ? 1 : previous.number + 1,
                previous == null ? 1 : previous.toPosition + 1, toPosition, headHash,
                previous == null ? null : previous.signature, now.truncatedTo(ChronoUnit.MICROS),
                keys.signingKeyId(), merkleRoot, null);
        return new AuditCheckpoint(unsigned.number, unsigned.fromPosition, unsigned.toPosition, headHash,
                unsigned.previousSignature, unsigned.signedAt, unsigned.keyId, merkleRoot,
                keys.sign(unsigned.signedBytes()));
    }

    /**
     * {@code "opsledger-audit-checkpoint-v2" || int64(number) || int64(from) || int64(to) || head hash (32 bytes) ||
     * int32(length) || previous signature (length 0 for none) || int64(signed at, µs since the epoch) ||
     * key id (16 ASCII hex digits) || Merkle root (32 bytes)}; a checkpoint without a Merkle root was signed as
     * {@code "opsledger-audit-checkpoint-v1"} and the same fields but the root.
     */
    byte[] signedBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(merkleRoot == null ? DOMAIN_V1 : DOMAIN_V2);
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
        if (merkleRoot != null) {
            out.writeBytes(merkleRoot);
        }
        return out.toByteArray();
    }
}
