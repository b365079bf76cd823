package com.opsledger.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The PostgreSQL server tests run against, chosen once per JVM in this order:
 * <ol>
 *   <li>the server named by {@code OPSLEDGER_TEST_DB_URL} (a JDBC URL of a database the test user may
 *       {@code CREATE DATABASE} from; user and password in {@code OPSLEDGER_TEST_DB_USER} and
 *       {@code OPSLEDGER_TEST_DB_PASSWORD});</li>
 *   <li>a Testcontainers PostgreSQL where a Docker engine answers;</li>
 *   <li>an embedded PostgreSQL (zonky), which needs nothing but Java.</li>
 * </ol>
 * Each call of {@link #freshDatabase()} creates a new, empty database on that server.
 */
public final class TestDatabase {

    /** A JDBC URL, user and password. */
    public record Connection(String url, String user, String password) {
    }

    private static Connection server;

    private TestDatabase() {
    }

    /** A new empty database on the test server. */
    public static synchronized Connection freshDatabase() {
        Connection admin = server();
        String name = "opsledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (java.sql.Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password())) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + admin.url(), e);
        }
        return on(admin, name);
    }

    /** A copy of {@code source} (which nothing may be connected to), made by the server from it as a template. */
    public static synchronized Connection copyOf(Connection source) {
        Connection admin = server();
        String name = "opsledger_copy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String from = source.url().replaceFirst("^.*/([^/?]*)(\\?.*)?$", "$1");
        try (java.sql.Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password())) {
            c.createStatement().execute("CREATE DATABASE " + name + " TEMPLATE " + from);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy test database " + from + " on " + admin.url(), e);
        }
        return on(admin, name);
    }

    /** The database {@code name} on the server of {@code admin}. */
    private static Connection on(Connection admin, String name) {
        return new Connection(admin.url().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), admin.user(),
                admin.password());
    }

    /** Where the database came from, for the test log. */
    public static synchronized String describe() {
        return server().url();
    }

    /** A persistent embedded server for local mode: its data lives in {@code dataDirectory} across restarts. */
    public static Connection embedded(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static Connection server() {
        if (server == null) {
            server = configuredServer();
            if (server == null) {
                server = dockerAvailable() ? container() : embeddedForTests();
            }
        }
        return server;
    }

    private static Connection configuredServer() {
        String url = System.getenv("OPSLEDGER_TEST_DB_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new Connection(url, envOr("OPSLEDGER_TEST_DB_USER", "postgres"), envOr("OPSLEDGER_TEST_DB_PASSWORD", ""));
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    private static Connection container() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static Connection embeddedForTests() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // The JVM is exiting; nothing is left to clean up that the OS does not.
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
