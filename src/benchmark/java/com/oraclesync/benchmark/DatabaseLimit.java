package com.oraclesync.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Scenario (b), the database limit: PostgreSQL {@code COPY} of the data set into the service's own table, in one
 * transaction; and, to tell the statement's cost from the pipeline's, the sync's upsert statement run straight over
 * JDBC, one transaction per page. The rows are rendered before the clock starts, so the figures are the server's.
 */
final class DatabaseLimit {

    private static final Pattern NAMED_PARAMETER = Pattern.compile(":#(\\w+)");
    private static final String CLOSED_STATUSES = "WON,LOST";

    private final BenchmarkDatabase server;
    private final BenchmarkData data;

    DatabaseLimit(BenchmarkDatabase server, BenchmarkData data) {
        this.server = server;
        this.data = data;
    }

    /** The COPY input, rendered once for every repetition. */
    private CopyText copyText;
    /** The upsert parameters per page, built once for every repetition. */
    private List<Object[]> upsertPages;

    Measurement copy(String scenario, int count, String database) throws SQLException {
        if (copyText == null) {
            copyText = CopyText.render(data, count, 1000);
        }
        server.create(database);
        try (Connection connection = server.connect(database)) {
            BenchmarkDatabase.createOpportunitiesTable(connection);
            connection.setAutoCommit(false);
            Clock clock = Clock.start(-1);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY opportunities (" + CopyText.columns() + ") FROM STDIN");
            for (byte[] chunk : copyText.chunks()) {
                copy.writeToCopy(chunk, 0, chunk.length);
            }
            long copied = copy.endCopy();
            connection.commit();
            Clock.Lap lap = clock.stop();
            requireRows(connection, count, copied);
            return new Measurement(scenario, copied, lap.wallSeconds(), Double.NaN, Double.NaN, Double.NaN, lap.selfCpuSeconds(),
                    Double.NaN, lap.postgresCpuSeconds(), String.format(
                            "COPY text, one transaction, into the service's table (PK, unique, 2 indexes, jsonb); "
                                    + "%.0f MB pre-rendered", copyText.bytes() / 1e6));
        } finally {
            server.drop(database);
        }
    }

    /** The sync's own sql/opportunities/upsert.sql, as camel-sql binds it (one String[] per column), per page. */
    Measurement upsertStatement(String scenario, int count, int pageSize, String database) throws SQLException {
        List<String> parameters = new ArrayList<>();
        String sql = jdbcSql(parameters);
        if (upsertPages == null) {
            upsertPages = bindPages(parameters, count, pageSize);
        }
        List<Object[]> pages = upsertPages;
        server.create(database);
        try (Connection connection = server.connect(database)) {
            BenchmarkDatabase.createOpportunitiesTable(connection);
            connection.setAutoCommit(false);
            Clock clock = Clock.start(-1);
            long written = 0;
            try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                for (Object[] values : pages) {
                    for (int i = 0; i < values.length; i++) {
                        upsert.setObject(i + 1, values[i]);
                    }
                    try (ResultSet counts = upsert.executeQuery()) {
                        counts.next();
                        written += counts.getLong("new_records");
                    }
                    connection.commit();
                }
            }
            Clock.Lap lap = clock.stop();
            requireRows(connection, count, written);
            return new Measurement(scenario, written, lap.wallSeconds(), Double.NaN, Double.NaN, Double.NaN, lap.selfCpuSeconds(),
                    Double.NaN, lap.postgresCpuSeconds(), "diagnostic: sql/opportunities/upsert.sql over plain JDBC, "
                            + pageSize + " rows per statement and transaction, no HTTP, no Camel");
        } finally {
            server.drop(database);
        }
    }

    private List<Object[]> bindPages(List<String> parameters, int count, int pageSize) {
        List<Object[]> pages = new ArrayList<>();
        List<String[]> page = new ArrayList<>();
        data.forEachItem(count, item -> {
            page.add(BenchmarkData.columnValues(item));
            if (page.size() == pageSize) {
                pages.add(bind(parameters, page));
                page.clear();
            }
        });
        if (!page.isEmpty()) {
            pages.add(bind(parameters, page));
        }
        return pages;
    }

    private static String jdbcSql(List<String> parameters) {
        try {
            Matcher named = NAMED_PARAMETER.matcher(Files.readString(Path.of("sql", "opportunities", "upsert.sql"),
                    StandardCharsets.UTF_8));
            StringBuilder sql = new StringBuilder();
            while (named.find()) {
                parameters.add(named.group(1));
                named.appendReplacement(sql, "?");
            }
            return named.appendTail(sql).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object[] bind(List<String> parameters, List<String[]> rows) {
        Object[] values = new Object[parameters.size()];
        for (int p = 0; p < values.length; p++) {
            String name = parameters.get(p);
            int column = columnIndex(name);
            if (column >= 0) {
                String[] array = new String[rows.size()];
                for (int r = 0; r < array.length; r++) {
                    array[r] = rows.get(r)[column];
                }
                values[p] = array;
            } else if (name.equals("closed_statuses")) {
                values[p] = CLOSED_STATUSES;
            } else {
                values[p] = rows.size();
            }
        }
        return values;
    }

    private static int columnIndex(String name) {
        for (int i = 0; i < BenchmarkData.COLUMNS.size(); i++) {
            if (BenchmarkData.COLUMNS.get(i)[0].equals(name)) {
                return i;
            }
        }
        return name.equals("source_payload") ? BenchmarkData.COLUMNS.size() : -1;
    }

    static void requireRows(Connection connection, long expected, long reported) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet count = sql.executeQuery(
                "SELECT count(*) FROM opportunities")) {
            count.next();
            if (count.getLong(1) != expected || reported != expected) {
                throw new IllegalStateException("Expected " + expected + " rows, the table holds " + count.getLong(1)
                        + " (reported " + reported + ")");
            }
        }
    }
}
