package com.opsledger.query.projection;

import com.opsledger.testing.TestDatabase;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Projection writes are held until the processor's unit of work commits, then sent in the order the handlers issued
 * them, inside its transaction: an update after an insert of the same row sees the insert, and a failed batch
 * leaves nothing behind.
 */
class ProjectionWritesTest {

    private static final String INSERT = "INSERT INTO item (id, state, touched) VALUES (:id, 'new', 0)";
    private static final String MOVE = "UPDATE item SET state = :state, touched = touched + 1 WHERE id = :id";

    private static DriverManagerDataSource dataSource;
    private static JdbcClient jdbc;
    private ProjectionWrites writes;
    private SpringTransactionManager transactions;

    @BeforeAll
    static void table() {
        TestDatabase.Connection database = TestDatabase.freshDatabase();
        dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE item (id TEXT PRIMARY KEY, state TEXT NOT NULL, touched INTEGER NOT NULL)").update();
    }

    @BeforeEach
    void empty() {
        jdbc.sql("TRUNCATE item").update();
        writes = new ProjectionWrites(new NamedParameterJdbcTemplate(dataSource), "item");
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
    }

    private Map<String, String> states() {
        return jdbc.sql("SELECT id, state || '/' || touched AS s FROM item").query()
                .listOfRows().stream().collect(Collectors.toMap(row -> (String) row.get("id"),
                        row -> (String) row.get("s")));
    }

    /** A unit of work with a transaction, as a processor runs each batch. */
    private UnitOfWork<?> processorBatch() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        return unitOfWork;
    }

    @Test
    void writesWaitForTheCommitAndKeepTheirOrder() {
        UnitOfWork<?> unitOfWork = processorBatch();
        writes.sql(INSERT).param("id", "a").queue();
        writes.sql(INSERT).param("id", "b").queue();
        writes.sql(MOVE).param("state", "triaged").param("id", "a").queue();
        writes.sql(INSERT).param("id", "c").queue();
        writes.sql(MOVE).param("state", "done").param("id", "a").queue();
        writes.sql(MOVE).param("state", "triaged").param("id", "c").queue();
        assertThat(states()).as("nothing is written before the commit").isEmpty();

        unitOfWork.commit();

        assertThat(states()).containsExactlyInAnyOrderEntriesOf(
                Map.of("a", "done/2", "b", "new/0", "c", "triaged/1"));
    }

    @Test
    void aFailingBatchWritesNothing() {
        UnitOfWork<?> unitOfWork = processorBatch();
        writes.sql(INSERT).param("id", "a").queue();
        writes.sql(INSERT).param("id", "a").queue();

        assertThatThrownBy(unitOfWork::commit).hasStackTraceContaining("duplicate key value");
        assertThat(states()).isEmpty();
    }

    @Test
    void outsideAUnitOfWorkAWriteRunsAtOnce() {
        writes.sql(INSERT).param("id", "a").queue();

        assertThat(states()).containsExactly(Map.entry("a", "new/0"));
    }

    @Test
    void aParameterNamedTwiceTakesItsOneValueInBothPlacesAndNullIsAValue() {
        UnitOfWork<?> unitOfWork = processorBatch();
        writes.sql(INSERT).param("id", "a").queue();
        writes.sql(INSERT).param("id", "b").queue();
        String renameTo = "UPDATE item SET state = coalesce(:name, 'unnamed'), id = coalesce(:name, id) WHERE id = :id";
        writes.sql(renameTo).param("name", "z").param("id", "a").queue();
        writes.sql(renameTo).param("name", null).param("id", "b").queue();
        unitOfWork.commit();

        assertThat(states()).containsExactlyInAnyOrderEntriesOf(Map.of("z", "z/0", "b", "unnamed/0"));
    }

    @Test
    void aMissingUnknownOrCollectionParameterIsRefusedWhereTheHandlerIssuesIt() {
        assertThatThrownBy(() -> writes.sql(MOVE).param("id", "a").queue())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No value for :state");
        assertThatThrownBy(() -> writes.sql(MOVE).param("sate", "done"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No parameter :sate");
        assertThatThrownBy(() -> writes.sql(MOVE).param("state", java.util.List.of("done")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pass an array");
        assertThat(states()).isEmpty();
    }

    @Test
    void theTableIsAnalyzedOnceItHasGrownSoThePlannerKnowsItsSize() {
        UnitOfWork<?> unitOfWork = processorBatch();
        for (int i = 0; i < 1500; i++) {
            writes.sql(INSERT).param("id", "row-" + i).queue();
        }
        unitOfWork.commit();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE relname = 'item'").query(Float.class).single())
                        .isEqualTo(1500f));
    }
}
