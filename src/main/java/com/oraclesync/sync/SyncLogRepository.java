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
            WHERE status = 'RUNNING'
            """;

    private static final String INSERT_RUNNING = """
            INSERT INTO sync_logs (sync_type, status, trigger, watermark_from, instance_id)
            VALUES (:type, 'RUNNING', :trigger, :watermarkFrom, :instanceId)
            RETURNING id
            """;

    private static final String MARK_FAILED = """
            UPDATE sync_logs
            SET status = 'FAILED', error_message = :message, completed_at = now(),
                duration_seconds = EXTRACT(EPOCH FROM now() - started_at)
            WHERE id = :id AND status = 'RUNNING'
            """;

    private static final String RUNNING_ID = "SELECT max(id) FROM sync_logs WHERE status = 'RUNNING'";

    private final JdbcClient jdbc;

    public SyncLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Closes the RUNNING rows of runs that died; call only while holding the run lock. */
    public int closeInterrupted() {
        return jdbc.sql(CLOSE_INTERRUPTED).param("message", INTERRUPTED).update();
    }

    public long insertRunning(SyncType type, SyncTrigger trigger, OffsetDateTime watermarkFrom, String instanceId) {
        return jdbc.sql(INSERT_RUNNING)
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

    public Optional<Long> runningId() {
        return jdbc.sql(RUNNING_ID).query(Long.class).optional();
    }
}
