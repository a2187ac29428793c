package com.oraclesync.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Scenario (c), the replaced scripts' way of writing: one {@code INSERT ... ON CONFLICT DO UPDATE} per record and a
 * commit after each, timed on a sample and extrapolated to the whole data set. Only the writes are timed (no HTTP),
 * which flatters the old approach.
 */
final class OldApproach {

    private final BenchmarkDatabase server;
    private final BenchmarkData data;

    OldApproach(BenchmarkDatabase server, BenchmarkData data) {
        this.server = server;
        this.data = data;
    }

    Measurement perRecordUpsert(String scenario, int sample, int total, String database) throws SQLException {
        List<String[]> rows = new ArrayList<>(sample);
        data.forEachItem(sample, item -> rows.add(BenchmarkData.columnValues(item)));
        server.create(database);
        try (Connection connection = server.connect(database)) {
            BenchmarkDatabase.createOpportunitiesTable(connection);
            connection.setAutoCommit(true);
            Clock clock = Clock.start(-1);
            try (PreparedStatement upsert = connection.prepareStatement(sql())) {
                for (String[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        upsert.setString(i + 1, row[i]);
                    }
                    upsert.executeUpdate();
                }
            }
            Clock.Lap lap = clock.stop();
            DatabaseLimit.requireRows(connection, sample, sample);
            double scale = (double) total / sample;
            return new Measurement(scenario, total, lap.wallSeconds() * scale, Double.NaN, Double.NaN, Double.NaN,
                    lap.selfCpuSeconds() * scale, Double.NaN, lap.postgresCpuSeconds() * scale, String.format(
                            "EXTRAPOLATED from a sample of %,d records written in %.2f s (%,.0f records/s); "
                                    + "one statement and one commit per record, writes only", sample, lap.wallSeconds(),
                            sample / lap.wallSeconds()));
        } finally {
            server.drop(database);
        }
    }

    private static String sql() {
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        StringJoiner updates = new StringJoiner(",\n    ");
        for (String name : BenchmarkData.columnNames()) {
            columns.add(name);
            values.add(BenchmarkData.SQL_TYPES.containsKey(name) ? "CAST(? AS " + BenchmarkData.sqlType(name) + ")" : "?");
            if (!name.equals("remote_id")) {
                updates.add(name + " = EXCLUDED." + name);
            }
        }
        return "INSERT INTO opportunities AS o (" + columns + ", workflow_status, last_synced_at)\n"
                + "VALUES (" + values + ", 'NEW', now())\n"
                + "ON CONFLICT (remote_id) DO UPDATE SET\n    " + updates + ",\n"
                + "    workflow_status = CASE WHEN upper(EXCLUDED.status_code) IN ('WON', 'LOST')"
                + " THEN upper(EXCLUDED.status_code) ELSE o.workflow_status END,\n"
                + "    last_synced_at = now()\n"
                + "WHERE o.oracle_updated_at IS NULL OR o.oracle_updated_at <= EXCLUDED.oracle_updated_at";
    }
}
