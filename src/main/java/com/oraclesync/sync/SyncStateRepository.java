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
            SELECT watermark_ts, watermark_id, checkpoint_type, checkpoint_ts, checkpoint_id, checkpoint_from
            FROM sync_state WHERE sync_name = :syncName
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
        if (updated != 1) {
            throw new IllegalStateException("sync_state row missing for " + syncName);
        }
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
                rs.getObject("checkpoint_from", OffsetDateTime.class));
    }

    private static KeysetPosition position(ResultSet rs, String tsColumn, String idColumn) throws SQLException {
        OffsetDateTime ts = rs.getObject(tsColumn, OffsetDateTime.class);
        long id = rs.getLong(idColumn);
        return ts == null || rs.wasNull() ? null : new KeysetPosition(ts, id);
    }
}
