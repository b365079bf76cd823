package com.opsledger.query.sql;

import com.opsledger.events.InvalidInput;
import com.opsledger.query.sql.ListQuery.Key;
import com.opsledger.query.sql.ListQuery.Type;
import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every list is a {@link ListQuery}: walked page by page to its end in each order it offers, it serves every matching
 * row exactly once in the order of its sort, and every page carries the capped total of all matches.
 */
class ListQueryTest {

    /** More rows than the cap; many share a rank and a time, so only the later sort keys tell them apart. */
    private static final int ROWS = Total.CAP + 237;
    private static JdbcClient jdbc;

    @BeforeAll
    static void rows() {
        TestDatabase.Connection database = TestDatabase.freshDatabase();
        jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        jdbc.sql("""
                CREATE TABLE item (id TEXT PRIMARY KEY, rank INTEGER NOT NULL, seq BIGINT NOT NULL,
                                   at TIMESTAMPTZ NOT NULL, kind TEXT NOT NULL)""").update();
        jdbc.sql("""
                INSERT INTO item SELECT 'item-' || n, n % 4, n % 7, timestamptz '2026-11-24T08:00:00Z'
                        + (n % 13) * interval '1.000001 second', CASE WHEN n % 3 = 0 THEN 'a' ELSE 'b' END
                FROM generate_series(1, :rows) AS n""").param("rows", ROWS).update();
    }

    private static ListQuery items(String kind, Key... sort) {
        return ListQuery.of("item i").filter("i.kind = :kind", "kind", kind).orderBy(sort);
    }

    /** Follows the cursors to the end; every page reports the same total. */
    private static List<String> walk(ListQuery query, int limit, Total expected) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<String> page = query.page(jdbc, limit, cursor, (rs, n) -> rs.getString("id"));
            assertThat(new Total(page.total(), page.totalExact())).isEqualTo(expected);
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            seen.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return seen;
    }

    private static List<String> all(String kind, String orderBy) {
        return jdbc.sql("SELECT id FROM item WHERE (CAST(:kind AS text) IS NULL OR kind = :kind) ORDER BY " + orderBy)
                .param("kind", kind).query(String.class).list();
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {2, 7, 50, 200})
    void aWalkServesEveryRowOnceInEachOrder(int limit) {
        Key[] ascending = {Key.asc("i.rank", Type.INT), Key.asc("i.at", Type.INSTANT), Key.asc("i.id", Type.TEXT)};
        Key[] descending = {Key.desc("i.at", Type.INSTANT), Key.desc("i.id", Type.TEXT)};
        Key[] mixed = {Key.desc("i.seq", Type.LONG), Key.asc("i.id", Type.TEXT)};
        Total capped = new Total(Total.CAP, false);

        assertThat(walk(items(null, ascending), limit, capped)).isEqualTo(all(null, "rank, at, id"));
        assertThat(walk(items(null, descending), limit, capped)).isEqualTo(all(null, "at DESC, id DESC"));
        assertThat(walk(items(null, mixed), limit, capped)).isEqualTo(all(null, "seq DESC, id"));

        List<String> filtered = all("a", "seq DESC, id");
        assertThat(filtered).hasSizeLessThan(Total.CAP);
        assertThat(walk(items("a", mixed), limit, new Total(filtered.size(), true))).isEqualTo(filtered);
        assertThat(new HashSet<>(filtered)).hasSameSizeAs(filtered);
    }

    @Test
    void totalsAreExactUpToTheCapAndCappedBeyond() {
        assertThat(ListQuery.of("item").filter("rank < :r", "r", 0).total(jdbc)).isEqualTo(new Total(0, true));
        assertThat(ListQuery.of("item").filter("seq < :s", "s", 1).total(jdbc).exact()).isTrue();
        assertThat(ListQuery.of("item").total(jdbc)).isEqualTo(new Total(Total.CAP, false));
    }

    @Test
    void aPagePastTheEndStillCarriesTheTotal() {
        ListQuery query = items("a", Key.asc("i.id", Type.TEXT));
        String last = encode("item-zzz");
        Page<String> page = query.page(jdbc, 10, last, (rs, n) -> rs.getString("id"));
        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isEqualTo(all("a", "id").size());
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void aCursorThisListDidNotIssueIsABadRequestNamingIt() {
        ListQuery query = items(null, Key.asc("i.rank", Type.INT), Key.asc("i.id", Type.TEXT));
        for (String forged : List.of("%%%", encode("only-one-part"), encode("x", "item-1"), encode("1", "a", "b"),
                "not base64!")) {
            assertThatThrownBy(() -> query.page(jdbc, 10, forged, (rs, n) -> rs.getString("id")))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }

    @Test
    void aLimitOutsideOneToTwoHundredIsABadRequest() {
        for (int limit : new int[] {0, -1, ListQuery.MAX_LIMIT + 1}) {
            assertThatThrownBy(() -> items(null, Key.asc("i.id", Type.TEXT)).page(jdbc, limit, null,
                    (rs, n) -> rs.getString("id")))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("limit"));
        }
        assertThat(items(null, Key.asc("i.id", Type.TEXT)).page(jdbc, null, null, (rs, n) -> 1).limit())
                .isEqualTo(ListQuery.DEFAULT_LIMIT);
    }

    private static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
    }
}
