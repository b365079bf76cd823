package com.opsledger.query.web;

import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list's total is exact up to the cap and says so; beyond the cap it is the cap, marked inexact. Every page of a list
 * carries the total of all its matches, whichever page it is, empty pages past the end included.
 */
class ListTotalTest {

    private static JdbcClient jdbc;

    @BeforeAll
    static void rows() {
        TestDatabase.Connection database = TestDatabase.freshDatabase();
        jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        jdbc.sql("CREATE TABLE total_test (n INTEGER NOT NULL)").update();
        jdbc.sql("INSERT INTO total_test SELECT generate_series(1, :rows)").param("rows", Total.CAP + 500).update();
    }

    private static Total below(int bound) {
        return Total.count(jdbc, "total_test", new Filters().add("n <= :bound", "bound", bound));
    }

    @Test
    void exactUpToTheCap() {
        assertThat(below(0)).isEqualTo(new Total(0, true));
        assertThat(below(17)).isEqualTo(new Total(17, true));
        assertThat(below(Total.CAP)).isEqualTo(new Total(Total.CAP, true));
    }

    @Test
    void cappedAndMarkedInexactBeyondIt() {
        assertThat(below(Total.CAP + 1)).isEqualTo(new Total(Total.CAP, false));
        assertThat(Total.count(jdbc, "total_test", new Filters())).isEqualTo(new Total(Total.CAP, false));
    }

    private static Page<Integer> page(int bound, int after) {
        Filters where = new Filters().add("n <= :bound", "bound", bound).param("after", after);
        return Page.read(jdbc, "total_test", where, "n", "FROM total_test" + where.whereAnd("n > :after")
                + " ORDER BY n", 10, (rs, row) -> rs.getInt("n"), String::valueOf);
    }

    @Test
    void everyPageCarriesTheTotalOfAllMatches() {
        assertThat(page(17, 0)).isEqualTo(new Page<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 17, true, 10, "10"));
        assertThat(page(17, 10)).isEqualTo(new Page<>(List.of(11, 12, 13, 14, 15, 16, 17), 17, true, 10, null));
        assertThat(page(17, 17)).isEqualTo(new Page<>(List.of(), 17, true, 10, null));
        assertThat(page(Total.CAP + 1, 1)).isEqualTo(
                new Page<>(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11), Total.CAP, false, 10, "11"));
    }
}
