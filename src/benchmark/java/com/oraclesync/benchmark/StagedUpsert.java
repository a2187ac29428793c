package com.oraclesync.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Diagnostic (b''): the same upsert semantics as the sync (insert as NEW, workflow rule, stale-write guard) written
 * the COPY way: each page is COPYed into a temporary table, then moved with one INSERT ... SELECT ... ON CONFLICT, in
 * the page's transaction. It shows what the write side could cost if the sync used COPY instead of bound arrays.
 */
final class StagedUpsert {

    private final BenchmarkDatabase server;
    private final BenchmarkData data;
    private CopyText pages;

    StagedUpsert(BenchmarkDatabase server, BenchmarkData data) {
        this.server = server;
        this.data = data;
    }

    Measurement run(String scenario, int count, int pageSize, String database) throws SQLException {
        if (pages == null) {
            pages = CopyText.render(data, count, pageSize);
        }
        server.create(database);
        try (Connection connection = server.connect(database)) {
            BenchmarkDatabase.createOpportunitiesTable(connection);
            try (Statement sql = connection.createStatement()) {
                sql.execute(stagingTable());
            }
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Clock clock = Clock.start(-1);
            long written = 0;
            try (PreparedStatement move = connection.prepareStatement(moveStatement())) {
                for (byte[] page : pages.chunks()) {
                    var in = copy.copyIn("COPY staging (" + CopyText.columns() + ") FROM STDIN");
                    in.writeToCopy(page, 0, page.length);
                    in.endCopy();
                    written += move.executeUpdate();
                    connection.commit();
                }
            }
            Clock.Lap lap = clock.stop();
            DatabaseLimit.requireRows(connection, count, written);
            return new Measurement(scenario, written, lap.wallSeconds(), Double.NaN, Double.NaN, Double.NaN, lap.selfCpuSeconds(),
                    Double.NaN, lap.postgresCpuSeconds(), "diagnostic: per " + pageSize + " rows, COPY into a temporary "
                            + "table, then INSERT ... SELECT ... ON CONFLICT DO UPDATE (workflow rule, stale-write guard), "
                            + "one transaction");
        } finally {
            server.drop(database);
        }
    }

    private static String stagingTable() {
        StringJoiner columns = new StringJoiner(", ");
        for (String name : BenchmarkData.columnNames()) {
            columns.add(name + " " + BenchmarkData.sqlType(name));
        }
        return "CREATE TEMPORARY TABLE staging (" + columns + ", workflow_status text) ON COMMIT DELETE ROWS";
    }

    private static String moveStatement() {
        StringJoiner updates = new StringJoiner(",\n    ");
        for (String name : BenchmarkData.columnNames()) {
            if (!name.equals("remote_id")) {
                updates.add(name + " = EXCLUDED." + name);
            }
        }
        return "INSERT INTO opportunities AS o (" + CopyText.columns() + ", last_synced_at)\n"
                + "SELECT " + CopyText.columns() + ", now() FROM staging\n"
                + "ON CONFLICT (remote_id) DO UPDATE SET\n    " + updates + ",\n"
                + "    workflow_status = CASE WHEN upper(EXCLUDED.status_code) IN ('WON', 'LOST')"
                + " THEN upper(EXCLUDED.status_code) ELSE o.workflow_status END,\n"
                + "    last_synced_at = now(), deleted_at = NULL\n"
                + "WHERE o.oracle_updated_at IS NULL OR o.oracle_updated_at <= EXCLUDED.oracle_updated_at";
    }
}
