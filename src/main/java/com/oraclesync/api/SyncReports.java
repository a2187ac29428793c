package com.oraclesync.api;

import com.oraclesync.monitoring.SliceProgress;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import com.oraclesync.resource.SyncResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads sync_logs, sync_state and sync_errors for the API; never writes. */
@Repository
public class SyncReports {

    private static final String LATEST_LOGS = """
            SELECT * FROM sync_logs WHERE sync_name = :syncName ORDER BY id DESC LIMIT :limit OFFSET :offset
            """;

    private static final String COUNT_LOGS = "SELECT count(*) FROM sync_logs WHERE sync_name = :syncName";

    private static final String LOG_EXISTS =
            "SELECT EXISTS (SELECT 1 FROM sync_logs WHERE id = :id AND sync_name = :syncName)";

    private static final String STATE = """
            SELECT watermark_ts, watermark_id, checkpoint_type, checkpoint_from, checkpoint_ts, checkpoint_id,
                   checkpoint_log_id, total_records, complete, last_sync_at, last_success_at
            FROM sync_state WHERE sync_name = :syncName
            """;

    private static final String ERRORS_OF_RUN = """
            SELECT id, sync_log_id, remote_id, reason, CAST(raw_item AS text) AS raw_item, created_at
            FROM sync_errors WHERE sync_log_id = :runId
            ORDER BY id LIMIT :limit OFFSET :offset
            """;

    private static final String COUNT_ERRORS_OF_RUN = "SELECT count(*) FROM sync_errors WHERE sync_log_id = :runId";

    private static final String SLICES = """
            SELECT slice_no, from_ts, to_ts, pages, fetched, done FROM sync_state_slices
            WHERE sync_name = :syncName ORDER BY slice_no
            """;

    private final JdbcClient jdbc;

    public SyncReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SyncLogView> latestLogs(String syncName, int limit, int offset) {
        return jdbc.sql(LATEST_LOGS).param("syncName", syncName).param("limit", limit).param("offset", offset)
                .query(SyncLogView::of).list();
    }

    public Optional<SyncLogView> lastLog(String syncName) {
        return latestLogs(syncName, 1, 0).stream().findFirst();
    }

    public long countLogs(String syncName) {
        return jdbc.sql(COUNT_LOGS).param("syncName", syncName).query(Long.class).single();
    }

    /** Whether the run exists and is one of this sync's. */
    public boolean logExists(String syncName, long id) {
        return jdbc.sql(LOG_EXISTS).param("id", id).param("syncName", syncName).query(Boolean.class).single();
    }

    /** The committed state of the resource's sync; an empty one before its first start. */
    /** The slices of the sync's unfinished parallel run, as committed; null when it has none. */
    public List<SliceProgress> slices(SyncResource resource) {
        List<SliceProgress> slices = jdbc.sql(SLICES).param("syncName", resource.stateName())
                .query((rs, row) -> new SliceProgress(rs.getInt("slice_no"),
                        rs.getObject("from_ts", OffsetDateTime.class), rs.getObject("to_ts", OffsetDateTime.class),
                        rs.getInt("pages"), rs.getLong("fetched"), rs.getBoolean("done")))
                .list();
        return slices.isEmpty() ? null : slices;
    }

    public SyncStateView state(SyncResource resource) {
        return jdbc.sql(STATE).param("syncName", resource.stateName())
                .query((rs, row) -> SyncStateView.of(resource, rs)).optional()
                .orElseGet(SyncStateView::empty);
    }

    public List<SyncErrorView> errorsOfRun(long runId, int limit, int offset) {
        return jdbc.sql(ERRORS_OF_RUN).param("runId", runId).param("limit", limit).param("offset", offset)
                .query(SyncErrorView::of).list();
    }

    public long countErrorsOfRun(long runId) {
        return jdbc.sql(COUNT_ERRORS_OF_RUN).param("runId", runId).query(Long.class).single();
    }
}
