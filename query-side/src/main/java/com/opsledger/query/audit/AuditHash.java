package com.opsledger.query.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The bytes the audit chain hashes, written down so that anyone can recompute it from the event store with their own
 * tools.
 *
 * <pre>
 * entry(0)        = 32 zero bytes
 * entry(p)        = SHA-256( entry(p-1) || data(p) )
 * data(p) event   = 0x00 || canonical(row at p)
 * data(p) gap     = 0x01 || int64(p)
 * canonical(row)  = int64(global_index) || str(event_identifier) || str(type) || str(aggregate_identifier)
 *                   || int64(sequence_number) || str(payload_type) || str(payload_revision) || str(time_stamp)
 *                   || str(payload) || str(meta_data)
 * int64(n)        = n as 8 bytes, big-endian
 * str(s)          = the UTF-8 bytes of the column's text as stored, after their length as 4 bytes big-endian;
 *                   SQL NULL as the 4 bytes FF FF FF FF
 * </pre>
 * data(p) is also the leaf data of the position in its checkpoint's Merkle tree ({@link MerkleTree}).
 */
final class AuditHash {

    static final int LENGTH = 32;
    static final byte[] GENESIS = new byte[LENGTH];
    private static final byte EVENT = 0;
    private static final byte GAP = 1;
    private static final int NULL = -1;

    /** The columns of domain_event_entry the chain covers, as {@link StoredEvent#read} reads them. */
    static final String COLUMNS = """
            global_index, event_identifier, type, aggregate_identifier, sequence_number, payload_type,
            payload_revision, time_stamp, payload, meta_data""";

    /** One row of the event store, every column as stored. */
    record StoredEvent(long position, String eventId, String aggregateType, String aggregateId, long sequenceNumber,
                       String payloadType, String payloadRevision, String timeStamp, String payload,
                       String metaData) {

        static StoredEvent read(ResultSet rs) throws SQLException {
            return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                    rs.getString("type"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                    rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                    rs.getString("payload"), rs.getString("meta_data"));
        }

        byte[] canonical() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(payload) + length(metaData));
            int64(out, position);
            str(out, eventId);
            str(out, aggregateType);
            str(out, aggregateId);
            int64(out, sequenceNumber);
            str(out, payloadType);
            str(out, payloadRevision);
            str(out, timeStamp);
            str(out, payload);
            str(out, metaData);
            return out.toByteArray();
        }
    }

    private AuditHash() {
    }

    /** data(p) of an event. */
    static byte[] data(StoredEvent event) {
        byte[] canonical = event.canonical();
        byte[] data = new byte[canonical.length + 1];
        data[0] = EVENT;
        System.arraycopy(canonical, 0, data, 1, canonical.length);
        return data;
    }

    /** data(p) of a gap. */
    static byte[] gapData(long position) {
        return ByteBuffer.allocate(1 + Long.BYTES).put(GAP).putLong(position).array();
    }

    /** entry(p) from entry(p-1) and data(p). */
    static byte[] chain(byte[] previous, byte[] data) {
        MessageDigest sha = sha256();
        sha.update(previous);
        sha.update(data);
        return sha.digest();
    }

    static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static void int64(ByteArrayOutputStream out, long value) {
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    private static void str(ByteArrayOutputStream out, String text) {
        if (text == null) {
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(NULL).array());
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
