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

    private static final String INSERT_REFUSED = """
            INSERT INTO sync_logs (sync_name, sync_type, status, trigger, error_message, completed_at, duration_seconds,
                                   instance_id)
            VALUES (:syncName, :type, 'FAILED', :trigger, :message, now(), 0, :instanceId)
            RETURNING id
            """;

    private static final String OUTCOME = "SELECT status, error_message FROM sync_logs WHERE id = :id";

    /** What {@link #outcome} says of a run that {@link #closeInterrupted} closed. */
    static final String INTERRUPTED_OUTCOME = "FAILED (interrupted)";

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
        return insert(INSERT_RUNNING, syncName, type, trigger, "watermarkFrom", watermarkFrom, instanceId);
    }

    /** A run that was refused before it began: its log is FAILED from the start, with the reason. */
    public long insertRefused(String syncName, SyncType type, SyncTrigger trigger, String message, String instanceId) {
        return insert(INSERT_REFUSED, syncName, type, trigger, "message", message, instanceId);
    }

    private long insert(String statement, String syncName, SyncType type, SyncTrigger trigger, String column,
                        Object value, String instanceId) {
        return jdbc.sql(statement)
                .param("syncName", syncName)
                .param("type", type.name())
                .param("trigger", trigger.name())
                .param(column, value)
                .param("instanceId", instanceId)
                .query(Long.class)
                .single();
    }

    /** How a run's log ended: its status, or {@link #INTERRUPTED_OUTCOME}; empty when the row is gone. */
    public Optional<String> outcome(long id) {
        return jdbc.sql(OUTCOME).param("id", id).query((rs, row) -> INTERRUPTED.equals(rs.getString("error_message"))
                ? INTERRUPTED_OUTCOME : rs.getString("status")).optional();
    }

    public void markFailed(long id, String message) {
        jdbc.sql(MARK_FAILED).param("id", id).param("message", message).update();
    }

    public Optional<Long> runningId(String syncName) {
        return jdbc.sql(RUNNING_ID).param("syncName", syncName).query(Long.class).optional();
    }
}
