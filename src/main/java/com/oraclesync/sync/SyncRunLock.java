package com.oraclesync.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One run at a time across every instance that shares the database: a session-level PostgreSQL advisory lock,
 * held on a connection of its own for the whole run. If the process dies, PostgreSQL ends the session and the
 * lock goes with it, so a crash never leaves the sync locked.
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
    private final long key;
    private Connection holder;

    public SyncRunLock(DataSource dataSource, SyncProperties properties) {
        this.dataSource = dataSource;
        this.key = ("oracle-sync:" + properties.name()).hashCode();
    }

    /** @return true when this call took the lock; false when a run (here or elsewhere) holds it. */
    public synchronized boolean tryAcquire() {
        if (holder != null) {
            return false;
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, key);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        holder = connection;
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

    /** Whether a run holds the lock, here or on another instance; reads pg_locks and takes nothing. */
    public boolean isHeldAnywhere() {
        if (isHeldHere()) {
            return true;
        }
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

    private static final String HELD_BY_THIS_SESSION = """
            SELECT EXISTS (
                SELECT 1 FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND pid = pg_backend_pid()
                  AND classid::bigint = ? AND objid::bigint = ?)
            """;

    /**
     * Whether this instance's lock session is alive and still holds the lock: false once PostgreSQL ended that
     * session (a restart, pg_terminate_backend), although nobody here released it. Asked on the lock's own connection.
     */
    public synchronized boolean isStillHeld() {
        if (holder == null) {
            return false;
        }
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

    public synchronized boolean isHeldHere() {
        return holder != null;
    }

    public synchronized void release() {
        if (holder == null) {
            return;
        }
        try (PreparedStatement statement = holder.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        } catch (SQLException e) {
            log.warn("Could not release the sync lock cleanly ({}); evicting its connection releases it", e.getMessage());
            if (dataSource instanceof HikariDataSource pool) {
                pool.evictConnection(holder);
            }
        } finally {
            closeQuietly(holder);
            holder = null;
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
