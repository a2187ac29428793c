package com.oraclesync.sync;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fencing for the run lock. The advisory lock lives as long as its PostgreSQL session; if that session dies
 * (pg_terminate_backend, a restart, a network cut), another instance may take the lock while this run still thinks
 * it holds it. So every run claims a fencing token when it begins ({@code sync_state.run_fence}), and each of its
 * transactions first {@link #check}s, as the route's {@code runFence} bean, that its lock session is alive and that no
 * newer run has claimed the token. The check locks the sync_state row until the transaction ends, so a newer run's
 * claim waits for it: the two runs' writes can never interleave.
 */
@Component("runFence")
public class RunFence {

    private static final String CLAIM = """
            UPDATE sync_state SET run_fence = run_fence + 1 WHERE sync_name = :syncName RETURNING run_fence
            """;

    private static final String CURRENT = "SELECT run_fence FROM sync_state WHERE sync_name = :syncName FOR UPDATE";

    // the slices of a parallel run write at once, and never sync_state itself: they share the row lock, which a newer
    // run's claim still waits for
    private static final String CURRENT_SHARED =
            "SELECT run_fence FROM sync_state WHERE sync_name = :syncName FOR SHARE";

    private final JdbcClient jdbc;
    private final SyncRunLock lock;

    public RunFence(JdbcClient jdbc, SyncRunLock lock) {
        this.jdbc = jdbc;
        this.lock = lock;
    }

    /** The new run's token; call while holding the run lock, in the transaction that opens the run. */
    long claim(String syncName) {
        return jdbc.sql(CLAIM).param("syncName", syncName).query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("sync_state has no row for '" + syncName + "'"));
    }

    /**
     * The route's first step in each transaction of a run.
     *
     * @throws RunLockLostException when the lock's session has ended or a newer run has begun
     */
    public void check(SyncRun run) {
        // first the row: if PostgreSQL itself is down, that is the failure to report, not the lock it took with it
        long current = jdbc.sql(run.inSlice() ? CURRENT_SHARED : CURRENT).param("syncName", run.stateName())
                .query(Long.class).single();
        if (!lock.isStillHeld(run.stateName())) {
            throw new RunLockLostException("this run lost its lock: the PostgreSQL session that held it has ended "
                    + "(a database restart, pg_terminate_backend or a network cut), so another instance may run this "
                    + "sync now. It stopped before writing page " + (run.pages() + 1) + "; the next run resumes from "
                    + "the checkpoint");
        }
        if (current != run.fence()) {
            throw new RunLockLostException("a newer run (fencing token " + current + ", this run's is " + run.fence()
                    + ") has begun since this one took the lock, whose session must have ended; this run stopped "
                    + "before writing page " + (run.pages() + 1) + " and leaves the sync to the newer run");
        }
    }
}
