package com.oraclesync.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.oraclesync.resource.SqlFiles;
import com.oraclesync.resource.SyncResource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When PostgreSQL refuses a batch because of one row's values (a NUL character, a number beyond numeric's range),
 * the batch is undone to its savepoint and written again row by row, each in a savepoint of its own: the rows it
 * refuses go to sync_errors with PostgreSQL's reason, the others commit with the page. Failures that are not about
 * a row's values (the connection, the disk) still fail the page. The route's {@code <name>BadRows} bean.
 */
public class BadRowIsolation {

    private static final Logger log = LoggerFactory.getLogger(BadRowIsolation.class);
    private static final int REASON_LENGTH = 500;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final String syncName;
    private final String keyColumn;
    private final StagingTable staging;
    private final String upsert;
    private final String insertError = SqlFiles.forJdbcClient(Path.of("sql", "insert-sync-errors.sql"));

    public BadRowIsolation(DataSource dataSource, JdbcClient jdbc, SyncResource resource, StagingTable staging) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.syncName = resource.name();
        this.keyColumn = resource.keyColumn();
        this.staging = staging;
        this.upsert = SqlFiles.forJdbcClient(resource.sqlFile("upsert.sql"));
    }

    /** A savepoint in the page's transaction. */
    public Savepoint savepoint() throws SQLException {
        return connection().setSavepoint();
    }

    public void release(Savepoint savepoint) throws SQLException {
        connection().releaseSavepoint(savepoint);
    }

    /** SQLState class 22 (data exception) or 23 (integrity constraint): the values of a row, not the database. */
    private static boolean isRowError(Throwable failure) {
        SQLException sql = sqlException(failure);
        String state = sql == null ? null : sql.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /**
     * Undoes the batch to {@code batchSavepoint} and writes its rows one at a time.
     *
     * @param failure why the batch failed; unless it is about a row's values, it is thrown again and fails the page
     * @return the counts of the resource's upsert.sql over the rows written, plus {@code failed_records}
     */
    public Map<String, Object> upsertRowByRow(Savepoint batchSavepoint, Map<String, Object> batch, long syncLogId,
                                              DataAccessException failure) throws SQLException {
        if (!isRowError(failure)) {
            throw failure;
        }
        Connection connection = connection();
        connection.rollback(batchSavepoint);
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        long failed = 0;
        int rows = ((Number) batch.get("row_count")).intValue();
        for (int row = 0; row < rows; row++) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                // the very same upsert.sql, over a staging table that holds this one row
                staging.copyRows(connection, batch, row, row + 1);
                Map<String, Object> counts = jdbc.sql(upsert).params(batch).query().singleRow();
                inserted += ((Number) counts.get("new_records")).longValue();
                updated += ((Number) counts.get("updated_records")).longValue();
                unchanged += ((Number) counts.get("unchanged_records")).longValue();
            } catch (DataAccessException e) {
                if (!isRowError(e)) {
                    throw e;
                }
                connection.rollback(savepoint);
                failed++;
                recordError(connection, batch, row, syncLogId, e);
            }
            connection.releaseSavepoint(savepoint);
        }
        log.warn("PostgreSQL refused a batch of sync {}; written row by row: {} stored, {} refused (see sync_errors)",
                syncLogId, inserted + updated + unchanged, failed);
        return Map.of("new_records", inserted, "updated_records", updated, "unchanged_records", unchanged,
                "failed_records", failed);
    }

    /** The raw item as sent; if jsonb refuses even that (a number beyond numeric's range), as one JSON string. */
    private void recordError(Connection connection, Map<String, Object> batch, int row, long syncLogId,
                             DataAccessException refusal) throws SQLException {
        SQLException sql = sqlException(refusal);
        String reason = "PostgreSQL refused the row (SQLState " + sql.getSQLState() + "): " + flat(sql.getMessage());
        String remoteId = ((String[]) batch.get(keyColumn))[row];
        String payload = ((String[]) batch.get("source_payload"))[row];
        insertError(connection, UpsertBatches.errorRow(syncName, syncLogId, remoteId, reason, payload));
    }

    /**
     * Items the mapper rejected (the route's bad items of a page), into sync_errors the same way: an item that jsonb
     * cannot hold never fails its page.
     */
    public void recordRejected(List<Map<String, Object>> errorRows) throws SQLException {
        Connection connection = connection();
        for (Map<String, Object> errorRow : errorRows) {
            insertError(connection, errorRow);
        }
    }

    /** One sync_errors row: its raw item as sent (a NUL made visible), or else as one JSON string. */
    private void insertError(Connection connection, Map<String, Object> errorRow) throws SQLException {
        String rawItem = (String) errorRow.get("raw_item");
        Map<String, Object> row = new HashMap<>(errorRow);
        row.put("raw_item", RawItems.storable(rawItem));
        Savepoint savepoint = connection.setSavepoint();
        try {
            jdbc.sql(insertError).params(row).update();
        } catch (DataAccessException e) {
            if (!isRowError(e)) {
                throw e;
            }
            connection.rollback(savepoint);
            row.put("raw_item", RawItems.asJsonString(rawItem));
            jdbc.sql(insertError).params(row).update();
        }
        connection.releaseSavepoint(savepoint);
    }

    private Connection connection() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Savepoints need the page's transaction: call this from a transacted route");
        }
        return DataSourceUtils.getConnection(dataSource);
    }

    private static SQLException sqlException(Throwable failure) {
        for (Throwable current = failure; current != null && current.getCause() != current; current = current.getCause()) {
            if (current instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String flat(String message) {
        String text = message == null ? "" : message.replaceAll("\\s+", " ").trim();
        return text.length() > REASON_LENGTH ? text.substring(0, REASON_LENGTH - 3) + "..." : text;
    }
}
