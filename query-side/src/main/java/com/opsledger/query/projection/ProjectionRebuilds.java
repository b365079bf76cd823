package com.opsledger.query.projection;

import com.opsledger.events.RuleViolation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.Constructor;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.opsledger.query.sql.SqlValues.instant;

/**
 * Rebuilds a read model beside the live one, with no downtime for its readers.
 *
 * <ol>
 * <li>A rebuild makes generation {@code n}: the read model's tables again, as {@code <table>__g<n>} (the live
 * tables' columns, defaults and unique indexes, which the projection's {@code ON CONFLICT} needs; its other indexes
 * come later), and new instances of the projection's handlers writing them, run by a processor of their own,
 * {@code <projection>.g<n>}, from the first event, with its own tokens and dead letters. Readers go on reading the
 * live generation.</li>
 * <li>Once the processor has caught up with the head, the secondary indexes are created (on a filled table that is
 * a fraction of the time their upkeep row by row would have cost) and the table analyzed.</li>
 * <li>The swap, in one transaction: each of the read model's names ({@code read_model.feedback_v1}) becomes a view over
 * the new generation's table (the first time, the original table is renamed {@code <table>__g1}); the live
 * processor's tokens are replaced by the new generation's, and its dead letters by the new ones (the old are kept
 * under {@code <projection>.g<old>}). Readers see the old rows or the new, never a mix: a view is replaced
 * atomically. The live processor's handlers write the names, so from then on they write the new tables; a node whose
 * live processor was in the middle of a batch loses its claim on the tokens when it stores them and rolls the batch
 * back, then carries on from the new tokens.</li>
 * <li>The old generation is retired and its tables dropped after {@code opsledger.projections.keep-retired}.</li>
 * </ol>
 * Every query node runs this: each one runs the processors of the generations being built (so a build survives a
 * restart and spreads over the nodes' threads), and the node that finds one caught up swaps it, under an advisory
 * lock. A generation whose build fails is marked failed with the error, and the live one stays.
 */
@Component
public class ProjectionRebuilds implements SmartLifecycle {

    /** Where a generation stands; written in lower case. */
    enum State { BUILDING, CATCHING_UP, LIVE, RETIRED, DROPPED, FAILED }

    /** One generation of a read model, with how far its processor has got. */
    public record Generation(String projection, int generation, String state, List<String> tables,
                             String processor, Long position, Double eventsPerSecond, Long etaSeconds,
                             long deadLetters, String requestedBy, Instant startedAt, Instant caughtUpAt,
                             Instant liveSince, Instant retiredAt, String lastError) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final String QUERY_SIDE = "com.opsledger.query";
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration RATE_WINDOW = Duration.ofSeconds(10);

    private final ApplicationContext context;
    private final ReadModelSchema schema;
    private final ReadModelVersions versions;
    private final EventProcessingConfiguration processing;
    private final GenerationProcessors processors;
    private final ProjectionProgress progress;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;
    private final Duration keepRetired;
    /** The query side's processing groups and the classes of their handlers. */
    private final Map<String, List<Class<?>>> projections = new ConcurrentHashMap<>();
    /** The generation processors running on this node, by processor name. */
    private final Map<String, StreamingEventProcessor> running = new ConcurrentHashMap<>();
    /** Positions of the builds seen from this node, for their rate. */
    private final Map<String, Deque<long[]>> samples = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;

    ProjectionRebuilds(ApplicationContext context, ReadModelSchema schema, ReadModelVersions versions,
                       EventProcessingConfiguration processing,
                       GenerationProcessors processors, ProjectionProgress progress, JdbcTemplate jdbc,
                       NamedParameterJdbcTemplate named, PlatformTransactionManager transactions,
                       @Value("${opsledger.projections.keep-retired:1h}") Duration keepRetired) {
        this.context = context;
        this.schema = schema;
        this.versions = versions;
        this.processing = processing;
        this.processors = processors;
        this.progress = progress;
        this.jdbc = jdbc;
        this.named = named;
        this.transactions = new TransactionTemplate(transactions);
        this.keepRetired = keepRetired;
        for (String bean : context.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            Class<?> type = context.getType(bean);
            if (type != null && type.getPackageName().startsWith(QUERY_SIDE)) {
                String group = context.findAnnotationOnBean(bean, ProcessingGroup.class).value();
                projections.computeIfAbsent(group, g -> new ArrayList<>()).add(type);
            }
        }
    }

    /** The query side's read models by processing group. */
    public List<String> projections() {
        return projections.keySet().stream().sorted().toList();
    }

    /** Starts building the next generation of {@code projection} beside the live one. */
    public Generation rebuild(String projection, String requestedBy) {
        List<Class<?>> handlers = projections.get(projection);
        int generation = transactions.execute(status -> {
            lock(projection);
            Integer busy = jdbc.query("SELECT generation FROM read_model.projection_generation "
                            + "WHERE projection = ? AND state IN ('building', 'catching_up')",
                    (rs, n) -> rs.getInt(1), projection).stream().findFirst().orElse(null);
            if (busy != null) {
                throw new RuleViolation("Generation " + busy + " of " + projection + " is being built already");
            }
            int next = jdbc.queryForObject("SELECT greatest(coalesce(max(generation), 1), 1) + 1 "
                    + "FROM read_model.projection_generation WHERE projection = ?", Integer.class, projection);
            int live = schema.liveGeneration(projection);
            ReadModelTables tables = ReadModelTables.generation(named, next);
            instances(handlers, tables);
            for (String table : tables.written()) {
                schema.createLike(schema.physicalOf(table, live), ReadModelTables.physical(table, next));
            }
            jdbc.update("INSERT INTO read_model.projection_generation (projection, generation, state, tables, "
                            + "requested_by, started_at) VALUES (?, ?, 'building', ?, ?, now())", projection, next,
                    tables.written().toArray(String[]::new), requestedBy);
            return next;
        });
        log.warn("{} started building generation {} of {}", requestedBy, generation, projection);
        running.computeIfAbsent(processorName(projection, generation), name -> start(projection, generation, name));
        return generations(projection).stream().filter(g -> g.generation() == generation).findFirst()
                .orElseThrow();
    }

    /** Every generation of {@code projection} with a row (generation 1 has one once retired), newest first. */
    public List<Generation> generations(String projection) {
        long head = progress.headPosition();
        return jdbc.query("SELECT * FROM read_model.projection_generation WHERE projection = ? "
                + "ORDER BY generation DESC", (rs, n) -> generation(rs, head), projection);
    }

    /** The live processing group's dead letters. */
    public long deadLetters(String processingGroup) {
        return jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class,
                processingGroup);
    }

    /** One step of every build: runs its processor here, indexes and swaps it once caught up, drops the retired. */
    synchronized void advance() {
        List<Map<String, Object>> active = jdbc.queryForList("SELECT projection, generation, state "
                + "FROM read_model.projection_generation WHERE state IN ('building', 'catching_up')");
        for (String name : List.copyOf(running.keySet())) {
            if (active.stream().noneMatch(g -> processorName((String) g.get("projection"),
                    (Integer) g.get("generation")).equals(name))) {
                running.remove(name).shutDown();
                samples.remove(name);
            }
        }
        for (Map<String, Object> row : active) {
            String projection = (String) row.get("projection");
            int generation = (Integer) row.get("generation");
            try {
                StreamingEventProcessor processor = running.computeIfAbsent(processorName(projection, generation),
                        name -> start(projection, generation, name));
                sample(processorName(projection, generation));
                if (caughtUp(processor)) {
                    swap(projection, generation, processor);
                }
            } catch (RuntimeException e) {
                fail(projection, generation, e);
            }
        }
        dropRetired();
        versions.advance();
    }

    private StreamingEventProcessor start(String projection, int generation, String name) {
        List<Object> handlers = instances(projections.get(projection),
                ReadModelTables.generation(named, generation));
        StreamingEventProcessor processor = processors.create(name, projection, handlers);
        processor.start();
        return processor;
    }

    /** Whether {@code processor} runs here and every segment it has claimed has reached the head, without error. */
    static boolean caughtUp(StreamingEventProcessor processor) {
        return processor.isRunning() && !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(status -> status.isCaughtUp()
                && !status.isErrorState());
    }

    /** Indexes the caught-up generation, then swaps it in (see the class comment). */
    private void swap(String projection, int generation, StreamingEventProcessor processor) {
        List<String> tables = tablesOf(projection, generation);
        int live = schema.liveGeneration(projection);
        if (jdbc.update("UPDATE read_model.projection_generation SET state = 'catching_up', caught_up_at = "
                + "coalesce(caught_up_at, now()) WHERE projection = ? AND generation = ? "
                + "AND state IN ('building', 'catching_up')", projection, generation) == 0) {
            return; // another node swapped it in meanwhile
        }
        for (String table : tables) {
            schema.copyIndexes(schema.physicalOf(table, live), ReadModelTables.physical(table, generation), false);
        }
        String building = processorName(projection, generation);
        processor.shutDown();
        running.remove(building);
        Boolean swapped = transactions.execute(status -> {
            lock(projection);
            String state = jdbc.queryForObject("SELECT state FROM read_model.projection_generation "
                    + "WHERE projection = ? AND generation = ?", String.class, projection, generation);
            if (!"catching_up".equals(state)) {
                return false;
            }
            jdbc.query("SELECT 1 FROM token_entry WHERE processor_name IN (?, ?) FOR UPDATE", rs -> {
            }, projection, building);
            jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", projection);
            jdbc.update("UPDATE token_entry SET processor_name = ?, owner = NULL WHERE processor_name = ?",
                    projection, building);
            for (String table : tables) {
                String target = ReadModelTables.physical(table, generation);
                if (schema.isTable(table)) {
                    jdbc.execute("ALTER TABLE " + table + " RENAME TO " + ReadModelSchema.unqualified(
                            ReadModelTables.physical(table, 1)));
                    jdbc.execute("CREATE VIEW " + table + " AS SELECT * FROM " + target);
                } else {
                    jdbc.execute("CREATE OR REPLACE VIEW " + table + " AS SELECT * FROM " + target);
                }
            }
            jdbc.update("UPDATE dead_letter_entry SET processing_group = ? WHERE processing_group = ?",
                    processorName(projection, live), projection);
            jdbc.update("UPDATE dead_letter_entry SET processing_group = ? WHERE processing_group = ?",
                    projection, building);
            if (live == 1 && jdbc.update("UPDATE read_model.projection_generation SET state = 'retired', "
                    + "retired_at = now() WHERE projection = ? AND generation = 1", projection) == 0) {
                jdbc.update("INSERT INTO read_model.projection_generation (projection, generation, state, tables, "
                        + "started_at, retired_at) VALUES (?, 1, 'retired', ?, now(), now())", projection,
                        tables.toArray(String[]::new));
            } else if (live > 1) {
                jdbc.update("UPDATE read_model.projection_generation SET state = 'retired', retired_at = now() "
                        + "WHERE projection = ? AND generation = ?", projection, live);
            }
            jdbc.update("UPDATE read_model.projection_generation SET state = 'live', live_since = now() "
                    + "WHERE projection = ? AND generation = ?", projection, generation);
            return true;
        });
        if (Boolean.TRUE.equals(swapped)) {
            // The live processor here fetches the new tokens at once; elsewhere it does when it loses its claim.
            processing.eventProcessor(projection, StreamingEventProcessor.class).ifPresent(liveProcessor -> {
                liveProcessor.shutDown();
                liveProcessor.start();
            });
            log.warn("Generation {} of {} is live; generation {} is retired", generation, projection, live);
        }
    }

    private void dropRetired() {
        jdbc.queryForList("SELECT projection, generation FROM read_model.projection_generation "
                + "WHERE state = 'retired' AND retired_at < now() - ?::interval", keepRetired.toMillis()
                + " milliseconds").forEach(row -> transactions.executeWithoutResult(status -> {
            String projection = (String) row.get("projection");
            int generation = (Integer) row.get("generation");
            lock(projection);
            for (String table : tablesOf(projection, generation)) {
                jdbc.execute("DROP TABLE IF EXISTS " + ReadModelTables.physical(table, generation));
            }
            jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?",
                    processorName(projection, generation));
            jdbc.update("UPDATE read_model.projection_generation SET state = 'dropped', dropped_at = now() "
                    + "WHERE projection = ? AND generation = ?", projection, generation);
            log.info("Dropped the tables of retired generation {} of {}", generation, projection);
        }));
    }

    private void fail(String projection, int generation, RuntimeException e) {
        log.error("Building generation {} of {} failed; the live generation stays", generation, projection, e);
        StreamingEventProcessor processor = running.remove(processorName(projection, generation));
        if (processor != null) {
            processor.shutDown();
        }
        jdbc.update("UPDATE read_model.projection_generation SET state = 'failed', last_error = ? "
                + "WHERE projection = ? AND generation = ?", String.valueOf(e.getMessage()), projection, generation);
    }

    /** New instances of the handlers of {@code projection}, writing the tables {@code tables} names. */
    List<Object> handlers(String projection, ReadModelTables tables) {
        return instances(projections.get(projection), tables);
    }

    /**
     * New instances of a projection's handler classes, their table writes taken from {@code tables}: made with the
     * constructor Spring makes the bean with (the only one, or the {@code @Autowired} one).
     */
    private List<Object> instances(List<Class<?>> handlers, ReadModelTables tables) {
        List<Object> instances = new ArrayList<>();
        for (Class<?> type : handlers) {
            Constructor<?>[] constructors = type.getDeclaredConstructors();
            Constructor<?> constructor = Arrays.stream(constructors)
                    .filter(c -> c.isAnnotationPresent(Autowired.class)).findFirst().orElse(constructors[0]);
            Object[] arguments = Arrays.stream(constructor.getParameterTypes())
                    .map(parameter -> parameter == ReadModelTables.class ? tables : context.getBean(parameter))
                    .toArray();
            instances.add(BeanUtils.instantiateClass(constructor, arguments));
        }
        return instances;
    }

    private List<String> tablesOf(String projection, int generation) {
        return jdbc.query("SELECT tables FROM read_model.projection_generation WHERE projection = ? "
                + "AND generation = ?", (rs, n) -> strings(rs.getArray("tables")), projection, generation)
                .stream().findFirst().orElseThrow();
    }

    private void lock(String projection) {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext(?))", Object.class,
                "projection-rebuild:" + projection);
    }

    private void sample(String processor) {
        OptionalLong position = progress.position(processor);
        if (position.isEmpty()) {
            return;
        }
        Deque<long[]> seen = samples.computeIfAbsent(processor, name -> new ArrayDeque<>());
        long now = System.currentTimeMillis();
        seen.addLast(new long[]{now, position.getAsLong()});
        while (seen.size() > 2 && seen.peekFirst()[0] < now - RATE_WINDOW.toMillis()) {
            seen.removeFirst();
        }
    }

    private Generation generation(ResultSet rs, long head) throws SQLException {
        String projection = rs.getString("projection");
        int number = rs.getInt("generation");
        String state = rs.getString("state");
        boolean active = state.equals("building") || state.equals("catching_up");
        String processor = state.equals("live") ? projection : processorName(projection, number);
        OptionalLong position = active || state.equals("live") ? progress.position(processor) : OptionalLong.empty();
        Double rate = null;
        Long eta = null;
        Deque<long[]> seen = samples.get(processor);
        if (active && seen != null && seen.size() >= 2) {
            long[] first = seen.peekFirst();
            long[] last = seen.peekLast();
            double seconds = (last[0] - first[0]) / 1000.0;
            rate = seconds > 0 ? (last[1] - first[1]) / seconds : null;
            eta = rate != null && rate > 0 ? (long) Math.ceil(Math.max(0, head - last[1]) / rate) : null;
        }
        return new Generation(projection, number, state, strings(rs.getArray("tables")), processor,
                position.isPresent() ? position.getAsLong() : null, rate, eta, deadLetters(processor),
                rs.getString("requested_by"), instant(rs, "started_at"), instant(rs, "caught_up_at"),
                instant(rs, "live_since"), instant(rs, "retired_at"), rs.getString("last_error"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    static String processorName(String projection, int generation) {
        return projection + ".g" + generation;
    }

    @Override
    public void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "projection-rebuilds");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                advance();
            } catch (RuntimeException e) {
                log.warn("Could not advance the projection rebuilds; trying again: {}", e.getMessage());
            }
        }, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ticker.shutdownNow();
        running.values().forEach(StreamingEventProcessor::shutDown);
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return ticker != null && !ticker.isShutdown();
    }

    /** After Axon's processors have started (phase 0... Integer.MAX_VALUE / 2), before they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2 + 1;
    }
}
