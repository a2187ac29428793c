package com.oraclesync.benchmark;

import com.oraclesync.persistence.StagingTable;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Scenario (b), the database limit: PostgreSQL {@code COPY} of the data set into the service's own table, in one
 * transaction; and, to tell the write's cost from the pipeline's, the sync's own write (its staging COPY, then its
 * upsert statement) run straight over JDBC, one transaction per page. The rows are generated before the clock starts,
 * so the figures are the server's and, for the staging COPY's text, the client's.
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
    /** The batches per page, built once for every repetition. */
    private List<Map<String, Object>> upsertPages;

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

    /**
     * The sync's own write of a page, as its store step does it: the service's {@link StagingTable} COPYs the batch
     * (one String[] per column, as UpsertBatches makes it) into pg_temp.opportunities_staging, then
     * sql/opportunities/upsert.sql moves it, per page and transaction.
     */
    Measurement upsertStatement(String scenario, int count, int pageSize, String database) throws SQLException {
        if (upsertPages == null) {
            upsertPages = batches(count, pageSize);
        }
        List<Map<String, Object>> pages = upsertPages;
        StagingTable staging = new StagingTable(null, "opportunities", BenchmarkData.columnNames());
        server.create(database);
        try (Connection connection = server.connect(database)) {
            BenchmarkDatabase.createOpportunitiesTable(connection);
            connection.setAutoCommit(false);
            Clock clock = Clock.start(-1);
            long written = 0;
            try (PreparedStatement upsert = connection.prepareStatement(jdbcSql())) {
                for (Map<String, Object> batch : pages) {
                    staging.copyRows(connection, batch, 0, (Integer) batch.get("row_count"));
                    upsert.setString(1, CLOSED_STATUSES);
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
                    Double.NaN, lap.postgresCpuSeconds(), "diagnostic: the service's COPY into its staging table, then "
                            + "sql/opportunities/upsert.sql over plain JDBC, " + pageSize
                            + " rows per statement and transaction, no HTTP, no Camel");
        } finally {
            server.drop(database);
        }
    }

    /** The pages as the service's batches: one String[] per column, in {@link BenchmarkData#columnNames()} order. */
    private List<Map<String, Object>> batches(int count, int pageSize) {
        List<Map<String, Object>> pages = new ArrayList<>();
        List<String[]> page = new ArrayList<>();
        data.forEachItem(count, item -> {
            page.add(BenchmarkData.columnValues(item));
            if (page.size() == pageSize) {
                pages.add(batch(page));
                page.clear();
            }
        });
        if (!page.isEmpty()) {
            pages.add(batch(page));
        }
        return pages;
    }

    private static Map<String, Object> batch(List<String[]> rows) {
        Map<String, Object> batch = new HashMap<>();
        List<String> columns = BenchmarkData.columnNames();
        for (int c = 0; c < columns.size(); c++) {
            String[] values = new String[rows.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = rows.get(r)[c];
            }
            batch.put(columns.get(c), values);
        }
        batch.put("row_count", rows.size());
        return batch;
    }

    /** upsert.sql with its one parameter, :#closed_statuses, as a JDBC placeholder. */
    private static String jdbcSql() {
        try {
            String sql = Files.readString(Path.of("sql", "opportunities", "upsert.sql"), StandardCharsets.UTF_8);
            Matcher named = NAMED_PARAMETER.matcher(sql);
            while (named.find()) {
                if (!named.group(1).equals("closed_statuses")) {
                    throw new IllegalStateException("sql/opportunities/upsert.sql reads :#" + named.group(1)
                            + ", which this diagnostic does not bind");
                }
            }
            return named.replaceAll("?");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
