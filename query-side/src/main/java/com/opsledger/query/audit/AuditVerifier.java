package com.opsledger.query.audit;

import com.opsledger.query.audit.AuditHash.StoredEvent;

import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the audit chain from the event store and checks it against the chain's entries and the signed
 * checkpoints; names the first position where the history was changed, deleted, inserted or reordered. Reads only,
 * over one connection (in one snapshot when the caller opened a repeatable-read transaction), streaming both tables
 * in position order: any length takes the same memory. Used by {@code GET /api/v1/admin/audit/verify} and by {@code
 * java -jar opsledger.jar verify-audit}.
 */
public final class AuditVerifier {

    /** Rows read at a time from each table. */
    private static final int FETCH = 1000;

    /** What was found at {@code position}: changed, deleted, inserted, reordered, chain-altered or checkpoint. */
    public record Problem(long position, String kind, String detail) {
    }

    /**
     * The outcome. {@code intact}: no problem from {@code fromPosition} to {@code toPosition}; {@code anchored}: that
     * range ends at or below the last trusted checkpoint, so the signatures vouch for all of it (above it only the
     * chain's own entries do, until the next checkpoint). {@code unchained}: events stored after the chain's head.
     */
    public record Report(boolean intact, boolean anchored, long fromPosition, long toPosition, long events, long gaps,
                         long checkpoints, Long signedTo, long chainHead, long unchained, Problem problem) {
    }

    private final AuditKeys keys;

    public AuditVerifier(AuditKeys keys) {
        this.keys = keys;
    }

    /**
     * {@code verify-audit --url=<jdbc url> [--user=] [--password=] --public-key=<base64> [--public-key=...]
     * [--from=] [--to=]}: verifies the database at {@code url} in one read-only transaction and prints the report as
     * JSON. The password may also come from {@code OPSLEDGER_AUDIT_DB_PASSWORD}, to keep it out of the process list.
     *
     * @return the exit status: 0 intact, 1 a problem found, 2 the command could not run
     */
    public static int fromCommandLine(String[] args, PrintStream out, PrintStream err) {
        Map<String, List<String>> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                err.println("usage: verify-audit --url=jdbc:postgresql://host/db [--user=] [--password=] "
                        + "--public-key=<base64> [--from=] [--to=]");
                return 2;
            }
            options.computeIfAbsent(arg.substring(2, equals), key -> new ArrayList<>()).add(arg.substring(equals + 1));
        }
        String url = first(options, "url");
        if (url == null || !options.containsKey("public-key")) {
            err.println("verify-audit needs --url and at least one --public-key");
            return 2;
        }
        String password = first(options, "password") != null ? first(options, "password")
                : System.getenv("OPSLEDGER_AUDIT_DB_PASSWORD");
        try (Connection connection = DriverManager.getConnection(url, first(options, "user"), password)) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Report report = new AuditVerifier(AuditKeys.verifyingWith(options.get("public-key")))
                    .verify(connection, number(options, "from"), number(options, "to"));
            connection.rollback();
            out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return report.intact() ? 0 : 1;
        } catch (SQLException | RuntimeException e) {
            err.println("verify-audit could not run: " + e.getMessage());
            return 2;
        }
    }

    private static String first(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(0);
    }

    private static Long number(Map<String, List<String>> options, String name) {
        String value = first(options, name);
        return value == null ? null : Long.parseLong(value);
    }

    /** Verifies positions {@code from..to} (null: from the first; to the chain's head, and never past it). */
    public Report verify(Connection connection, Long from, Long to) throws SQLException {
        List<AuditCheckpoint> checkpoints = checkpoints(connection);
        long chainHead = single(connection, "SELECT coalesce(max(position), 0) FROM audit.chain_entry");
        long unchained = single(connection, "SELECT count(*) FROM domain_event_entry WHERE global_index > "
                + chainHead);
        long end = to == null ? chainHead : Math.min(to, chainHead);
        long start = from == null ? 1 : from;
        Long signedTo = null;
        Problem problem = checkCheckpoints(checkpoints);
        for (AuditCheckpoint checkpoint : checkpoints) {
            if (problem != null && checkpoint.fromPosition() >= problem.position()) {
                break;
            }
            signedTo = checkpoint.toPosition();
        }
        // Recompute from the checkpoint before the range: its hash is signed, so the range's first entry is vouched.
        byte[] hash = AuditHash.GENESIS;
        long begin = 1;
        Map<Long, AuditCheckpoint> byEnd = new HashMap<>();
        for (AuditCheckpoint checkpoint : checkpoints) {
            byEnd.put(checkpoint.toPosition(), checkpoint);
            if (checkpoint.toPosition() < start && (problem == null || checkpoint.toPosition() < problem.position())) {
                hash = checkpoint.headHash();
                begin = checkpoint.toPosition() + 1;
            }
        }
        long events = 0;
        long gaps = 0;
        if (problem == null) {
            try (PreparedStatement stored = cursor(connection, "SELECT " + AuditHash.COLUMNS
                    + " FROM domain_event_entry WHERE global_index BETWEEN ? AND ? ORDER BY global_index", begin, end);
                 PreparedStatement chained = cursor(connection, "SELECT position, event_id, hash FROM "
                         + "audit.chain_entry WHERE position BETWEEN ? AND ? ORDER BY position", begin, end);
                 ResultSet storeRows = stored.executeQuery();
                 ResultSet chainRows = chained.executeQuery()) {
                StoredEvent event = storeRows.next() ? StoredEvent.read(storeRows) : null;
                boolean entry = chainRows.next();
                // The Merkle leaves since the last checkpoint: at most one checkpoint's range in memory.
                List<byte[]> leaves = new ArrayList<>();
                for (long p = begin; p <= end && problem == null; p++) {
                    StoredEvent here = event != null && event.position() == p ? event : null;
                    boolean chainedHere = entry && chainRows.getLong("position") == p;
                    if (!chainedHere) {
                        problem = new Problem(p, "chain-altered", here == null
                                ? "the chain has no entry for this position below its head"
                                : "the chain has no entry for event " + here.eventId() + " below its head");
                        break;
                    }
                    String chainedId = chainRows.getString("event_id");
                    byte[] chainedHash = chainRows.getBytes("hash");
                    if (chainedId == null) {
                        if (here != null) {
                            problem = new Problem(p, "inserted", "event " + here.eventId()
                                    + " is stored at a position the chain recorded as holding no event");
                            break;
                        }
                        byte[] data = AuditHash.gapData(p);
                        hash = AuditHash.chain(hash, data);
                        leaves.add(MerkleTree.leafHash(data));
                        gaps++;
                    } else if (here == null) {
                        problem = new Problem(p, "deleted", "event " + chainedId + " is no longer stored");
                        break;
                    } else if (!here.eventId().equals(chainedId)) {
                        Long chainedAt = chainedPosition(connection, here.eventId());
                        problem = chainedAt == null
                                ? new Problem(p, "inserted", "event " + here.eventId() + ", unknown to the chain, "
                                + "stands where event " + chainedId + " was")
                                : new Problem(p, "reordered", "event " + here.eventId() + " was chained at position "
                                + chainedAt + "; event " + chainedId + " was here");
                        break;
                    } else {
                        byte[] data = AuditHash.data(here);
                        hash = AuditHash.chain(hash, data);
                        leaves.add(MerkleTree.leafHash(data));
                        events++;
                        if (!Arrays.equals(hash, chainedHash)) {
                            problem = new Problem(p, "changed", "event " + here.eventId()
                                    + " no longer hashes to its chain entry: its row (or the entry) was altered");
                            break;
                        }
                    }
                    AuditCheckpoint checkpoint = byEnd.get(p);
                    if (checkpoint != null) {
                        if (!Arrays.equals(hash, checkpoint.headHash())) {
                            problem = new Problem(p, "checkpoint", "the history up to here does not hash to "
                                    + "checkpoint " + checkpoint.number() + "'s signed head: it was rewritten, chain "
                                    + "entries included");
                            break;
                        }
                        if (checkpoint.merkleRoot() != null
                                && !Arrays.equals(MerkleTree.root(leaves), checkpoint.merkleRoot())) {
                            problem = new Problem(checkpoint.fromPosition(), "checkpoint", "the events of checkpoint "
                                    + checkpoint.number() + " do not make its signed Merkle root");
                            break;
                        }
                        leaves.clear();
                    }
                    if (here != null) {
                        event = storeRows.next() ? StoredEvent.read(storeRows) : null;
                    }
                    entry = chainRows.next();
                }
            }
        }
        long checkedTo = problem == null ? end : problem.position();
        return new Report(problem == null, problem == null && signedTo != null && end <= signedTo, begin, checkedTo,
                events, gaps, checkpoints.size(), signedTo, chainHead, unchained, problem);
    }

    /** The first checkpoint that is not signed by a trusted key, or does not follow on from the one before. */
    private Problem checkCheckpoints(List<AuditCheckpoint> checkpoints) {
        AuditCheckpoint previous = null;
        for (AuditCheckpoint checkpoint : checkpoints) {
            String why = null;
            if (!keys.trusts(checkpoint.keyId())) {
                why = "is signed by key " + checkpoint.keyId() + ", which is not trusted";
            } else if (!keys.verify(checkpoint.keyId(), checkpoint.signedBytes(), checkpoint.signature())) {
                why = "has a signature that does not match its content";
            } else if (checkpoint.number() != (previous == null ? 1 : previous.number() + 1)
                    || checkpoint.fromPosition() != (previous == null ? 1 : previous.toPosition() + 1)
                    || !Arrays.equals(checkpoint.previousSignature(), previous == null ? null : previous.signature())) {
                why = "does not follow on from the checkpoint before it";
            }
            if (why != null) {
                return new Problem(checkpoint.fromPosition(), "checkpoint", "checkpoint " + checkpoint.number()
                        + " " + why);
            }
            previous = checkpoint;
        }
        return null;
    }

    private static List<AuditCheckpoint> checkpoints(Connection connection) throws SQLException {
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + AuditCheckpoint.COLUMNS
                + " FROM audit.checkpoint ORDER BY number");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                checkpoints.add(AuditCheckpoint.read(rs));
            }
        }
        return checkpoints;
    }

    private static Long chainedPosition(Connection connection, String eventId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT position FROM audit.chain_entry WHERE event_id = ?")) {
            statement.setString(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static PreparedStatement cursor(Connection connection, String sql, long from, long to)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH);
        statement.setLong(1, from);
        statement.setLong(2, to);
        return statement;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
