package com.oraclesync.sync;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One run per sync at a time across every instance that shares the database, while different syncs may run side by
 * side: a session-level PostgreSQL advisory lock per sync name (the sync_state key), held on a connection of its own
 * for the whole run. If the process dies, PostgreSQL ends the session and the lock goes with it, so a crash never
 * leaves a sync locked.
 */
@Component
public class SyncRunLock {

    private static final Logger log = LoggerFactory.getLogger(SyncRunLock.class);

    private static final String HELD_ANYWHERE = """
            SELECT EXISTS (
                SELECT 1 FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND objsubid = 1
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND classid::bigint = ? AND objid::bigint = ?)
            """;

    private final DataSource dataSource;
    private final Map<String, Connection> holders = new HashMap<>();

    public SyncRunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The advisory lock key of a sync; other tools may take it to hold a sync off. */
    public static long key(String stateName) {
        return ("oracle-sync:" + stateName).hashCode();
    }

    /** @return true when this call took the sync's lock; false when a run (here or elsewhere) holds it. */
    public synchronized boolean tryAcquire(String stateName) {
        if (holders.containsKey(stateName)) {
            return false;
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, key(stateName));
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        holders.put(stateName, connection);
                        return true;
                    }
                }
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not take the sync lock in PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** Whether a run of the sync holds its lock, here or on another instance; reads pg_locks and takes nothing. */
    public boolean isHeldAnywhere(String stateName) {
        if (isHeldHere(stateName)) {
            return true;
        }
        long key = key(stateName);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(HELD_ANYWHERE)) {
            // pg_locks shows a bigint advisory key as two 32-bit halves, with objsubid 1
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFF_FFFFL);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the sync lock from pg_locks: " + e.getMessage(), e);
        }
    }

    public synchronized boolean isHeldHere(String stateName) {
        return holders.containsKey(stateName);
    }

    private static final String HELD_BY_THIS_SESSION = """
            SELECT EXISTS (
                SELECT 1 FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND pid = pg_backend_pid()
                  AND classid::bigint = ? AND objid::bigint = ?)
            """;

    /**
     * Whether this instance's lock session of the sync is alive and still holds its lock: false once PostgreSQL ended
     * that session (a restart, pg_terminate_backend), although nobody here released it. Asked on the lock's own
     * connection.
     */
    public synchronized boolean isStillHeld(String stateName) {
        Connection holder = holders.get(stateName);
        if (holder == null) {
            return false;
        }
        long key = key(stateName);
        try (PreparedStatement statement = holder.prepareStatement(HELD_BY_THIS_SESSION)) {
            statement.setQueryTimeout(10);
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xFFFF_FFFFL);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException sessionGone) {
            return false;
        }
    }

    /** Whether this instance runs any sync. */
    public synchronized boolean isHeldHere() {
        return !holders.isEmpty();
    }

    public synchronized void release(String stateName) {
        Connection holder = holders.remove(stateName);
        if (holder == null) {
            return;
        }
        try (PreparedStatement statement = holder.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key(stateName));
            statement.execute();
        } catch (SQLException e) {
            log.warn("Could not release the sync lock of {} cleanly ({}); evicting its connection releases it",
                    stateName, e.getMessage());
            if (dataSource instanceof HikariDataSource pool) {
                pool.evictConnection(holder);
            }
        } finally {
            closeQuietly(holder);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing the lock connection failed", e);
        }
    }
}
