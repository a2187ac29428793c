package com.oraclesync.sync;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SyncLogRepository {

    static final String INTERRUPTED = "interrupted: the process running this sync stopped before it finished; "
            + "the next run resumes from its checkpoint";

    private static final String CLOSE_INTERRUPTED = """
            UPDATE sync_logs
            SET status = 'FAILED', error_message = :message, completed_at = now(),
                duration_seconds = EXTRACT(EPOCH FROM now() - started_at)
            WHERE status = 'RUNNING' AND sync_name = :syncName
            """;

    private static final String INSERT_RUNNING = """
            INSERT INTO sync_logs (sync_name, sync_type, status, trigger, watermark_from, instance_id)
            VALUES (:syncName, :type, 'RUNNING', :trigger, :watermarkFrom, :instanceId)
            RETURNING id
            """;

    private static final String MARK_FAILED = """
            UPDATE sync_logs
            SET status = 'FAILED', error_message = :message, completed_at = now(),
                duration_seconds = EXTRACT(EPOCH FROM now() - started_at)
            WHERE id = :id AND status = 'RUNNING'
            """;

    private static final String RUNNING_ID =
            "SELECT max(id) FROM sync_logs WHERE status = 'RUNNING' AND sync_name = :syncName";

    private final JdbcClient jdbc;

    public SyncLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Closes the sync's RUNNING rows of runs that died; call only while holding the sync's run lock. */
    public int closeInterrupted(String syncName) {
        return jdbc.sql(CLOSE_INTERRUPTED).param("syncName", syncName).param("message", INTERRUPTED).update();
    }

    public long insertRunning(String syncName, SyncType type, SyncTrigger trigger, OffsetDateTime watermarkFrom, String instanceId) {
        return jdbc.sql(INSERT_RUNNING)
                .param("syncName", syncName)
                .param("type", type.name())
                .param("trigger", trigger.name())
                .param("watermarkFrom", watermarkFrom)
                .param("instanceId", instanceId)
                .query(Long.class)
                .single();
    }

    public void markFailed(long id, String message) {
        jdbc.sql(MARK_FAILED).param("id", id).param("message", message).update();
    }

    public Optional<Long> runningId(String syncName) {
        return jdbc.sql(RUNNING_ID).param("syncName", syncName).query(Long.class).optional();
    }
}
