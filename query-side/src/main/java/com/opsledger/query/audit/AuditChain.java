package com.opsledger.query.audit;

import com.opsledger.query.audit.AuditHash.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.opsledger.query.sql.SqlValues.utc;

/**
 * Keeps the hash chain over the event store ({@link AuditHash}) and signs its checkpoints: every position, in order,
 * none skipped. One node at a time does it (a PostgreSQL advisory lock per pass); each pass chains what follows the
 * chain's head, up to {@value #BATCH} positions, in one transaction with the entries it writes.
 *
 * <p>A missing position is the hard part. A transaction takes its position from the sequence when it inserts and
 * becomes visible when it commits, so a position can be missing for a while and then appear (a transaction still
 * open), or never appear (rolled back, or its node died). The chain waits at such a position, never chains past it,
 * and records it as a permanent gap only when a transaction could no longer fill it: once it has been missing for
 * {@code gapGrace} (time for a transaction that drew the position to start writing), the ids of every transaction
 * then open are noted, and when none of those is still in progress and the position is still empty, it is a gap for
 * good. A transaction that drew its position and then stalled for longer than the grace before writing anything
 * would commit into a recorded gap; the verifier reports that event as inserted, never silently.
 */
@Component
@EnableConfigurationProperties(AuditSettings.class)
class AuditChain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    static final int BATCH = 1000;
    /** The advisory lock of the chain: "opsledgr" in ASCII. */
    private static final long LOCK = 0x6f70736c65646772L;
    private static final Duration WARN_AFTER = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditSettings settings;
    private final AuditKeys keys;
    private final Clock clock;
    private ScheduledExecutorService worker;

    AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditSettings settings) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.settings = settings;
        this.keys = AuditKeys.of(settings.signingKey(), settings.publicKeys());
        this.clock = Clock.systemUTC();
        if (!keys.canSign()) {
            log.warn("opsledger.audit.signing-key is not set: the audit chain is kept, but no checkpoint is signed");
        }
    }

    /** Chains what there is to chain, pass after pass; how many positions it chained. */
    long catchUp() {
        long chained = 0;
        int pass;
        do {
            pass = transactions.execute(status -> pass());
            chained += pass;
        } while (pass == BATCH);
        return chained;
    }

    private int pass() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
            return 0;
        }
        Map<String, Object> head = jdbc.queryForList(
                "SELECT position, hash FROM audit.chain_entry ORDER BY position DESC LIMIT 1").stream()
                .findFirst().orElse(Map.of("position", 0L, "hash", AuditHash.GENESIS));
        long expected = ((Number) head.get("position")).longValue() + 1;
        byte[] hash = (byte[]) head.get("hash");
        List<StoredEvent> events = jdbc.query("SELECT " + AuditHash.COLUMNS + " FROM domain_event_entry "
                        + "WHERE global_index >= ? ORDER BY global_index LIMIT ?",
                (rs, n) -> StoredEvent.read(rs), expected, BATCH);
        List<Object[]> entries = new ArrayList<>();
        for (StoredEvent event : events) {
            if (event.position() > expected) {
                if (!settled(expected, event.position())) {
                    break;
                }
                for (long gap = expected; gap < event.position(); gap++) {
                    byte[] data = AuditHash.gapData(gap);
                    hash = AuditHash.chain(hash, data);
                    entries.add(new Object[]{gap, null, hash, MerkleTree.leafHash(data)});
                }
                log.info("Positions {} to {} of the event store hold no event and never will: chained as a gap",
                        expected, event.position() - 1);
            }
            byte[] data = AuditHash.data(event);
            hash = AuditHash.chain(hash, data);
            entries.add(new Object[]{event.position(), event.eventId(), hash, MerkleTree.leafHash(data)});
            expected = event.position() + 1;
        }
        jdbc.batchUpdate("INSERT INTO audit.chain_entry (position, event_id, hash, leaf) VALUES (?, ?, ?, ?)",
                entries);
        if (!entries.isEmpty()) {
            jdbc.update("DELETE FROM audit.chain_gap_watch");
        }
        // Also in a quiet pass: the tail chained before it is signed once the interval has passed.
        checkpointIfDue(expected - 1, hash);
        return entries.size();
    }

    /**
     * Whether the missing positions from {@code missing} up to (not including) {@code next} are gaps for good (see
     * the class comment); the watch of the lowest one is kept in {@code audit.chain_gap_watch}.
     */
    private boolean settled(long missing, long next) {
        List<Map<String, Object>> watch = jdbc.queryForList("""
                SELECT position, waits_for IS NOT NULL AS sampled, now() - first_seen >= ?::interval AS graced,
                       now() - first_seen >= ?::interval AS long_waited,
                       NOT EXISTS (SELECT 1 FROM unnest(waits_for) AS open (xid)
                                   WHERE pg_xact_status(open.xid) = 'in progress') AS finished
                FROM audit.chain_gap_watch""", interval(settings.gapGrace()), interval(WARN_AFTER));
        if (watch.isEmpty() || ((Number) watch.get(0).get("position")).longValue() != missing) {
            jdbc.update("DELETE FROM audit.chain_gap_watch");
            jdbc.update("INSERT INTO audit.chain_gap_watch (position, first_seen) VALUES (?, now())", missing);
            return false;
        }
        Map<String, Object> seen = watch.get(0);
        if (!(Boolean) seen.get("sampled")) {
            if ((Boolean) seen.get("graced")) {
                jdbc.update("UPDATE audit.chain_gap_watch SET waits_for = "
                        + "ARRAY(SELECT pg_snapshot_xip(pg_current_snapshot()))");
            }
            return false;
        }
        if (!(Boolean) seen.get("finished")) {
            if ((Boolean) seen.get("long_waited")) {
                log.warn("The audit chain has waited over {} at position {}: a transaction open since then has not "
                        + "ended", WARN_AFTER, missing);
            }
            return false;
        }
        return Boolean.FALSE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM domain_event_entry "
                + "WHERE global_index >= ? AND global_index < ?)", Boolean.class, missing, next));
    }

    private void checkpointIfDue(long chainedTo, byte[] headHash) {
        if (!keys.canSign()) {
            return;
        }
        AuditCheckpoint last = jdbc.query("SELECT " + AuditCheckpoint.COLUMNS
                        + " FROM audit.checkpoint ORDER BY number DESC LIMIT 1", (rs, n) -> AuditCheckpoint.read(rs))
                .stream().findFirst().orElse(null);
        long signedTo = last == null ? 0 : last.toPosition();
        if (chainedTo <= signedTo) {
            return;
        }
        Instant now = clock.instant();
        Instant since = last != null ? last.signedAt() : jdbc.queryForObject(
                "SELECT min(chained_at) FROM audit.chain_entry", java.time.OffsetDateTime.class).toInstant();
        boolean due = chainedTo - signedTo >= settings.checkpointEvery()
                || Duration.between(since, now).compareTo(settings.checkpointInterval()) >= 0;
        if (!due) {
            return;
        }
        byte[] merkleRoot = MerkleTree.root(leaves(signedTo + 1, chainedTo));
        AuditCheckpoint checkpoint = AuditCheckpoint.sign(keys, last, chainedTo, headHash, merkleRoot, now);
        jdbc.update("INSERT INTO audit.checkpoint (" + AuditCheckpoint.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                checkpoint.number(), checkpoint.fromPosition(), checkpoint.toPosition(), checkpoint.headHash(),
                checkpoint.previousSignature(), utc(checkpoint.signedAt()), checkpoint.keyId(),
                checkpoint.merkleRoot(), checkpoint.signature());
    }

    /** The Merkle leaves of positions {@code from..to}, in order. */
    List<byte[]> leaves(long from, long to) {
        return jdbc.query("SELECT leaf FROM audit.chain_entry WHERE position BETWEEN ? AND ? ORDER BY position",
                (rs, n) -> rs.getBytes(1), from, to);
    }

    private static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "audit-chain");
            thread.setDaemon(true);
            return thread;
        });
        worker.scheduleWithFixedDelay(() -> {
            try {
                catchUp();
            } catch (RuntimeException e) {
                log.warn("The audit chain could not advance; it tries again: {}", e.getMessage());
            }
        }, settings.pollInterval().toMillis(), settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null && !worker.isShutdown();
    }
}
