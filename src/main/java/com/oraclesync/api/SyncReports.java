package com.oraclesync.api;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads sync_logs, sync_state and sync_errors for the API; never writes. */
@Repository
public class SyncReports {

    private static final String LATEST_LOGS = """
            SELECT * FROM sync_logs ORDER BY id DESC LIMIT :limit OFFSET :offset
            """;

    private static final String COUNT_LOGS = "SELECT count(*) FROM sync_logs";

    private static final String LOG_EXISTS = "SELECT EXISTS (SELECT 1 FROM sync_logs WHERE id = :id)";

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

    private final JdbcClient jdbc;

    public SyncReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SyncLogView> latestLogs(int limit, int offset) {
        return jdbc.sql(LATEST_LOGS).param("limit", limit).param("offset", offset).query(SyncLogView::of).list();
    }

    public Optional<SyncLogView> lastLog() {
        return latestLogs(1, 0).stream().findFirst();
    }

    public long countLogs() {
        return jdbc.sql(COUNT_LOGS).query(Long.class).single();
    }

    public boolean logExists(long id) {
        return jdbc.sql(LOG_EXISTS).param("id", id).query(Boolean.class).single();
    }

    public SyncStateView state(String syncName) {
        return jdbc.sql(STATE).param("syncName", syncName).query(SyncStateView::of).optional()
                .orElseThrow(() -> new IllegalStateException("sync_state has no row for '" + syncName + "'"));
    }

    public List<SyncErrorView> errorsOfRun(long runId, int limit, int offset) {
        return jdbc.sql(ERRORS_OF_RUN).param("runId", runId).param("limit", limit).param("offset", offset)
                .query(SyncErrorView::of).list();
    }

    public long countErrorsOfRun(long runId) {
        return jdbc.sql(COUNT_ERRORS_OF_RUN).param("runId", runId).query(Long.class).single();
    }
}
