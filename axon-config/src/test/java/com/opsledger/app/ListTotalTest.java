package com.opsledger.app;

import com.opsledger.query.web.Filters;
import com.opsledger.query.web.Total;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A list's total is exact up to the cap and says so; beyond the cap it is the cap, marked inexact. */
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
}
