package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.support.LogLines;
import com.oraclesync.support.SyncTestSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ScheduledTriggerTest extends SyncTestSupport {

    @Autowired
    private DataSource dataSource;

    @Test
    void fireWhileAnotherInstanceRunsIsSkippedWithAWarning() throws Exception {
        // given: another instance holds the run lock
        oracle.store().put(opportunity(1L).build());
        long key = SyncRunLock.key("oracle_opportunities");
        try (Connection otherInstance = dataSource.getConnection();
             LogLines triggers = LogLines.of("com.oraclesync.sync.SyncTriggers")) {
            lock(otherInstance, "pg_advisory_lock", key);

            // when
            producer.sendBodyAndHeaders("direct:sync-opportunities", null,
                    Map.of("syncMode", "AUTO", "syncTrigger", "SCHEDULE"));

            // then: nothing started, and the skip is logged once
            assertThat(count("SELECT count(*) FROM sync_logs")).isZero();
            assertThat(oracle.requests()).isEmpty();
            assertThat(triggers.messages()).containsExactly(
                    "Sync not started (trigger SCHEDULE): A sync is already running; nothing was started");
            lock(otherInstance, "pg_advisory_unlock", key);
        }

        // when the lock is free again
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 1);
    }

    private static void lock(Connection connection, String function, long key) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, key);
            statement.execute();
        }
    }
}
