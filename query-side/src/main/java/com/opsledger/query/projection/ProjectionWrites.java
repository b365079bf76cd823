package com.opsledger.query.projection;

import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.EmptySqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writes of one projection to its one table, sent to PostgreSQL when the processor commits its batch rather than
 * one round trip per event: consecutive statements with the same SQL go as one JDBC batch (a multi-row INSERT, as
 * the driver runs with {@code reWriteBatchedInserts}), in the order the handlers issued them, in the batch's
 * transaction together with the processor's token. Deferring is safe because projections only write: no handler
 * reads back what an earlier event of the same batch wrote.
 * <p>
 * The transaction commits with {@code synchronous_commit = off}: a crash may lose the last batches, rows and token
 * alike, and the processor then handles those events again, so nothing is lost or applied twice.
 * <p>
 * Each time the rows written since start-up have doubled (from
 * {@value #FIRST_ANALYZE}), the table is analyzed after the commit, in the background. A rebuild refills a table from
 * nothing, and until PostgreSQL has statistics of the new rows its planner takes a million-row table for an empty one
 * and picks plans that take seconds; autovacuum's analyze may be switched off or a minute late. Doubling keeps this to
 * about ten analyzes over a million rows.
 * <p>
 * Deferred, a statement that fails does so at the commit, where it cannot be told apart from its batch, and the
 * processor would try the batch again forever. So when a batch fails, its events become suspects: when the processor
 * tries them again, each one's statements run at once, in a savepoint of their own. The one that fails again then
 * fails in its handler, where the dead-letter queue parks it (its savepoint rolled back), and the rest commit.
 */
public final class ProjectionWrites {

    /** Where a statement names the projection's table. */
    public static final String TABLE = "{table}";

    private static final Logger log = LoggerFactory.getLogger(ProjectionWrites.class);
    private static final long FIRST_ANALYZE = 1000;
    /**
     * Analyzes run one at a time beside the processors: on a large table one takes about half a second, which the
     * processor's next batch used to wait for (a spike in projection lag).
     */
    private static final Executor ANALYZER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-analyze");
        thread.setDaemon(true);
        return thread;
    });
    /** A parameter not given a value yet (null is a value). */
    private static final Object UNSET = new Object();
    private static final String ASYNCHRONOUS_COMMIT = ProjectionWrites.class.getName() + ":asynchronous-commit";
    private static final String ONE_BY_ONE = ProjectionWrites.class.getName() + ":one-by-one";
    /**
     * The events of batches that failed to commit, by identifier, shared by every projection: a group writing two
     * tables handles an event's statements on both in one savepoint. Each leaves once it was handled alone and
     * committed; should that never happen (a processor reset meanwhile), the set is emptied at its bound.
     */
    private static final Set<String> SUSPECTS = ConcurrentHashMap.newKeySet();
    private static final int MAX_SUSPECTS = 100_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final String table;
    private final String resourceKey;
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong analyzeAt = new AtomicLong(FIRST_ANALYZE);
    /**
     * Each statement as written, parsed once: the table's name put in, the named parameters turned into positional
     * ones. A rebuild binds millions of rows, and Spring's named-parameter path looked each value up in maps several
     * times per row (a fifth of a rebuild's CPU in the service).
     */
    private final Map<String, Sql> statements = new ConcurrentHashMap<>();

    /**
     * {@code table} is the one table the projection writes (a constant of the code, never input): it names the
     * buffer, since statements on different tables commute, and the table to analyze.
     */
    public ProjectionWrites(NamedParameterJdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
        this.resourceKey = ProjectionWrites.class.getName() + ":" + table;
    }

    /**
     * A statement on this projection's table, written with {@value #TABLE} where the table's name goes: a new version
     * of the read model beside the old one then differs only in the name given to the constructor.
     */
    public Statement sql(String sql) {
        return new Statement(statements.computeIfAbsent(sql, written -> Sql.parse(written.replace(TABLE, table))));
    }

    /**
     * A statement with positional parameters: {@code names} its distinct parameters, {@code slots} which of them
     * each {@code ?} in turn takes.
     */
    private record Sql(String positional, List<String> names, int[] slots) {

        static Sql parse(String named) {
            ParsedSql parsed = NamedParameterUtils.parseSqlStatement(named);
            List<SqlParameter> occurrences = NamedParameterUtils.buildSqlParameterList(parsed,
                    EmptySqlParameterSource.INSTANCE);
            List<String> names = new ArrayList<>();
            int[] slots = new int[occurrences.size()];
            for (int i = 0; i < slots.length; i++) {
                String name = occurrences.get(i).getName();
                if (!names.contains(name)) {
                    names.add(name);
                }
                slots[i] = names.indexOf(name);
            }
            return new Sql(NamedParameterUtils.substituteNamedParameters(parsed, null), List.copyOf(names), slots);
        }

        int slot(String name) {
            int slot = names.indexOf(name);
            if (slot < 0) {
                throw new IllegalArgumentException("No parameter :" + name + " in " + positional);
            }
            return slot;
        }
    }

    /** One statement with its named parameters, queued by {@link #queue()}. */
    public final class Statement {

        private final Sql sql;
        private final Object[] values;
        private String eventId;

        private Statement(Sql sql) {
            this.sql = sql;
            this.values = new Object[sql.names().size()];
            Arrays.fill(values, UNSET);
        }

        /**
         * A value as JDBC takes it (a {@code SqlParameterValue} to name its type); an array for a PostgreSQL array,
         * never a collection, which a positional statement cannot expand.
         */
        public Statement param(String name, Object value) {
            if (value instanceof Collection<?>) {
                throw new IllegalArgumentException("Parameter :" + name + " is a collection; pass an array");
            }
            values[sql.slot(name)] = value;
            return this;
        }

        private void bind(PreparedStatement statement) throws SQLException {
            int[] slots = sql.slots();
            for (int i = 0; i < slots.length; i++) {
                Object value = values[slots[i]];
                StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN,
                        value instanceof String text ? storable(text) : value);
            }
        }

        /**
         * PostgreSQL's text cannot hold NUL; an event that carries one (stored before its door refused them) is read
         * with U+FFFD in its place, so that it never parks its aggregate's later events. The event keeps the original.
         */
        private static String storable(String text) {
            return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
        }

        /**
         * Queues the statement for the current batch; outside a unit of work, for an event under suspicion and for a
         * dead letter being retried (whose unit of work commits inside the retry's own), it runs at once.
         */
        public void queue() {
            for (int slot = 0; slot < values.length; slot++) {
                if (values[slot] == UNSET) {
                    throw new IllegalArgumentException("No value for :" + sql.names().get(slot) + " in "
                            + sql.positional());
                }
            }
            if (!CurrentUnitOfWork.isStarted()) {
                run(this);
                return;
            }
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            eventId = unitOfWork.getMessage() == null ? null : unitOfWork.getMessage().getIdentifier();
            boolean deadLetterRetry = unitOfWork.resources().containsKey(DeadLetter.class.getName());
            if (eventId != null && (deadLetterRetry || SUSPECTS.contains(eventId))) {
                runAlone(unitOfWork.root(), this);
            } else {
                pending().add(this);
            }
        }
    }

    private List<Statement> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        // Once per transaction, however many tables it writes.
        unitOfWork.getOrComputeResource(ASYNCHRONOUS_COMMIT, key -> {
            unitOfWork.onPrepareCommit(u -> jdbc.getJdbcOperations().execute("SET LOCAL synchronous_commit TO off"));
            return true;
        });
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            List<Statement> statements = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> flush(statements));
            unitOfWork.afterCommit(u -> analyzeWhenGrown(statements.size()));
            return statements;
        });
    }

    private void flush(List<Statement> statements) {
        try {
            send(statements);
        } catch (RuntimeException e) {
            if (SUSPECTS.size() > MAX_SUSPECTS) {
                SUSPECTS.clear();
            }
            statements.stream().map(statement -> statement.eventId).filter(Objects::nonNull).forEach(SUSPECTS::add);
            log.warn("A batch of {} writes to {} failed; its events will be handled one by one: {}", statements.size(),
                    table, e.getMessage());
            throw e;
        }
    }

    /**
     * Runs a suspect event's statement in the savepoint of that event, opened at its first statement: the event's
     * writes on every table stand or fall together, and a failure leaves the transaction usable for the rest.
     */
    private void runAlone(UnitOfWork<?> unitOfWork, Statement statement) {
        OneByOne oneByOne = unitOfWork.getOrComputeResource(ONE_BY_ONE, key -> {
            OneByOne created = new OneByOne();
            unitOfWork.afterCommit(u -> created.handled.forEach(SUSPECTS::remove));
            return created;
        });
        if (!statement.eventId.equals(oneByOne.current)) {
            if (oneByOne.current != null) {
                jdbc.getJdbcOperations().execute("RELEASE SAVEPOINT projection_event");
            }
            jdbc.getJdbcOperations().execute("SAVEPOINT projection_event");
            oneByOne.current = statement.eventId;
            oneByOne.handled.add(statement.eventId);
        }
        try {
            run(statement);
        } catch (RuntimeException e) {
            jdbc.getJdbcOperations().execute("ROLLBACK TO SAVEPOINT projection_event");
            oneByOne.current = null;
            throw e;
        }
    }

    /** The suspect events a batch handled alone, and the one whose savepoint is open. */
    private static final class OneByOne {
        private final List<String> handled = new ArrayList<>();
        private String current;
    }

    private void send(List<Statement> statements) {
        int from = 0;
        while (from < statements.size()) {
            Sql sql = statements.get(from).sql;
            int to = from + 1;
            while (to < statements.size() && statements.get(to).sql == sql) {
                to++;
            }
            if (to - from == 1) {
                run(statements.get(from));
            } else {
                List<Statement> batch = statements.subList(from, to);
                jdbc.getJdbcOperations().batchUpdate(sql.positional(), new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        batch.get(i).bind(statement);
                    }

                    @Override
                    public int getBatchSize() {
                        return batch.size();
                    }
                });
            }
            from = to;
        }
    }

    private void run(Statement statement) {
        jdbc.getJdbcOperations().update(statement.sql.positional(), statement::bind);
    }

    private void analyzeWhenGrown(int rows) {
        long written = rowsWritten.addAndGet(rows);
        long threshold = analyzeAt.get();
        if (written >= threshold && analyzeAt.compareAndSet(threshold, 2 * written)) {
            ANALYZER.execute(() -> analyze(written));
        }
    }

    private void analyze(long written) {
        try {
            jdbc.getJdbcOperations().execute("ANALYZE " + table);
        } catch (DataAccessException e) {
            // Only the planner's estimates suffer (e.g. the service's user does not own the table).
            log.warn("Could not analyze {} after {} rows written: {}", table, written, e.getMessage());
        }
    }
}
