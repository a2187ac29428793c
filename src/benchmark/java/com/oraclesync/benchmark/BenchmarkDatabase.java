package com.oraclesync.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The standalone PostgreSQL server of the benchmark (libpq's PGHOST, PGPORT, PGUSER, PGPASSWORD; default
 * 127.0.0.1:5432, user postgres). Every scenario gets a database of its own, made fresh and dropped after.
 */
record BenchmarkDatabase(String host, int port, String user, String password) {

    static BenchmarkDatabase fromEnvironment() {
        return new BenchmarkDatabase(env("PGHOST", "127.0.0.1"), Integer.parseInt(env("PGPORT", "5432")),
                env("PGUSER", "postgres"), System.getenv("PGPASSWORD"));
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** Drops a leftover of an earlier run, then creates the database empty. */
    void create(String database) throws SQLException {
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database);
        }
    }

    void drop(String database) {
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop the benchmark database " + database + ": " + e.getMessage());
        }
    }

    /** The server's postmaster (the parent of a backend), or -1 when the server is not on this machine. */
    long postmasterPid() throws SQLException {
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement();
             var result = sql.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return ProcessMetrics.parentPid(result.getLong(1));
        }
    }

    String serverVersion() throws SQLException {
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement();
             var result = sql.executeQuery("SHOW server_version")) {
            result.next();
            return result.getString(1);
        }
    }

    /** The service's own opportunities table, from its first Flyway migration: the "equivalent table" of (b), (c). */
    static void createOpportunitiesTable(Connection connection) throws SQLException {
        try (InputStream migration = BenchmarkDatabase.class.getResourceAsStream("/db/migration/V1__create_opportunities.sql");
             Statement sql = connection.createStatement()) {
            if (migration == null) {
                throw new IllegalStateException("db/migration/V1__create_opportunities.sql is not on the classpath");
            }
            sql.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
