package com.oraclesync.sync;

import com.oraclesync.mapping.KeysetPosition;
import com.oraclesync.resource.SqlFiles;
import com.oraclesync.resource.SyncResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SyncStateRepository {

    private static final String SELECT_STATE = """
            SELECT watermark_ts, watermark_id, checkpoint_type, checkpoint_ts, checkpoint_id, checkpoint_from,
                   checkpoint_log_id, source
            FROM sync_state WHERE sync_name = :syncName
            """;

    private static final String RECORD_SOURCE = """
            UPDATE sync_state SET source = :source, updated_at = now() WHERE sync_name = :syncName
            """;

    // what a new row holds, for a FULL run that starts over from another source; run_fence stays
    private static final String START_OVER = """
            UPDATE sync_state
            SET source = :source, watermark_ts = NULL, watermark_id = NULL, checkpoint_ts = NULL, checkpoint_id = NULL,
                checkpoint_type = NULL, checkpoint_from = NULL, checkpoint_log_id = NULL, total_records = 0,
                counted_rows = NULL, counted_max_id = NULL, counted_table_file = NULL, last_sync_at = NULL, last_success_at = NULL, complete = false, updated_at = now()
            WHERE sync_name = :syncName
            """;

    private static final String START_RUN = """
            UPDATE sync_state
            SET checkpoint_type = :type, checkpoint_from = :from, checkpoint_ts = :checkpointTs,
                checkpoint_id = :checkpointId, checkpoint_log_id = :logId, last_sync_at = now(), updated_at = now()
            WHERE sync_name = :syncName
            """;

    // a run that does not resume leaves the slices of an unfinished one behind: it reads their records itself
    private static final String FORGET_SLICES = "DELETE FROM sync_state_slices WHERE sync_name = :syncName";

    private static final String CREATE_ROW = """
            INSERT INTO sync_state (sync_name) VALUES (:syncName) ON CONFLICT (sync_name) DO NOTHING
            """;

    private final JdbcClient jdbc;

    public SyncStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A resource's first run starts from an empty sync_state row. */
    public void createIfMissing(String syncName) {
        jdbc.sql(CREATE_ROW).param("syncName", syncName).update();
    }

    public SyncState load(String syncName) {
        return jdbc.sql(SELECT_STATE).param("syncName", syncName)
                .query(SyncStateRepository::toState)
                .optional()
                .orElseThrow(() -> new IllegalStateException("sync_state has no row for '" + syncName + "'"));
    }

    /** The state is from now on the configured source's, as it is. */
    public void recordSource(String syncName, String source) {
        requireOneRow(jdbc.sql(RECORD_SOURCE).param("syncName", syncName).param("source", source).update(), syncName);
    }

    /** Forgets the state of another source: the row is as new, bound to {@code source}. */
    public void startOver(String syncName, String source) {
        requireOneRow(jdbc.sql(START_OVER).param("syncName", syncName).param("source", source).update(), syncName);
    }

    /** Whether the resource's table holds any row, marked deleted or not. */
    public boolean hasRows(SyncResource resource) {
        // the table name comes from configuration, checked against the schema at start-up (SyncResources)
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + resource.table() + ")").query(Boolean.class).single();
    }

    private static void requireOneRow(int updated, String syncName) {
        if (updated != 1) {
            throw new IllegalStateException("sync_state row missing for " + syncName);
        }
    }

    public void startRun(String syncName, SyncRun run) {
        KeysetPosition cursor = run.cursor();
        int updated = jdbc.sql(START_RUN)
                .param("syncName", syncName)
                .param("type", run.type().name())
                .param("from", run.watermarkFrom())
                .param("checkpointTs", cursor == null ? null : cursor.updatedAt())
                .param("checkpointId", cursor == null ? null : cursor.remoteId())
                .param("logId", run.logId())
                .update();
        requireOneRow(updated, syncName);
        if (!run.resumed()) {
            jdbc.sql(FORGET_SLICES).param("syncName", syncName).update();
        }
    }

    /** The resource's rows not marked deleted, by its count-active.sql. */
    public long activeRecords(SyncResource resource) {
        return jdbc.sql(SqlFiles.forJdbcClient(resource.sqlFile("count-active.sql"))).query(Long.class).single();
    }

    private static SyncState toState(ResultSet rs, int row) throws SQLException {
        String checkpointType = rs.getString("checkpoint_type");
        return new SyncState(
                position(rs, "watermark_ts", "watermark_id"),
                checkpointType == null ? null : SyncType.valueOf(checkpointType),
                position(rs, "checkpoint_ts", "checkpoint_id"),
                rs.getObject("checkpoint_from", OffsetDateTime.class),
                rs.getObject("checkpoint_log_id", Long.class),
                rs.getString("source"));
    }

    private static KeysetPosition position(ResultSet rs, String tsColumn, String idColumn) throws SQLException {
        OffsetDateTime ts = rs.getObject(tsColumn, OffsetDateTime.class);
        long id = rs.getLong(idColumn);
        return ts == null || rs.wasNull() ? null : new KeysetPosition(ts, id);
    }
}
