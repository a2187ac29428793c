package com.oraclesync.sync;

import static com.oraclesync.support.PagingOrder.optyId;
import static com.oraclesync.support.PagingOrder.updatedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.OracleSimulator;
import com.oraclesync.simulator.RecordedRequest;
import com.oraclesync.simulator.SimulatedResponse;
import com.oraclesync.support.PagingOrder;
import com.oraclesync.support.ServiceProcess;
import com.oraclesync.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * kill -9 in the middle of a run: the service runs as a child JVM against this test's PostgreSQL database and an
 * Oracle simulator in this JVM, is killed with SIGKILL after a few committed pages, and is started again.
 */
class KilledRunTest {

    private static final String USER = "integration";
    private static final String PASSWORD = "kill-test-secret";
    private static final int RECORDS = 2000;
    private static final int PAGE_SIZE = 50;

    private final List<ServiceProcess> children = new ArrayList<>();
    private OracleSimulator oracle;
    private String databaseUrl;
    private JdbcClient jdbc;

    @BeforeEach
    void givenOracleWithTwoThousandRecordsAndAnEmptyDatabase() {
        oracle = OracleSimulator.start(0, USER, PASSWORD);
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(51).generate(RECORDS, 1L,
                now.minus(120, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        databaseUrl = TestPostgres.databaseUrl(getClass().getSimpleName());
        jdbc = JdbcClient.create(new DriverManagerDataSource(databaseUrl, "postgres", ""));
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (ServiceProcess child : children) {
            child.close();
        }
        oracle.close();
    }

    @Test
    void runKilledMidwayIsClosedAsInterruptedAndTheNextStartResumesFromItsCheckpoint() throws Exception {
        // given: a service syncing at start-up, with pages that take a little while
        oracle.onRequest((request, store) -> SimulatedResponse.delayThenServe(Duration.ofMillis(150)));
        ServiceProcess first = startService("first");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> committedPages() >= 5);

        // when
        first.kill();

        // then: the run is left RUNNING, and exactly the records up to its checkpoint are stored
        Map<String, Object> killed = jdbc.sql("SELECT * FROM sync_logs").query().singleRow();
        assertThat(killed).containsEntry("status", "RUNNING").containsEntry("sync_type", "FULL");
        assertThat((Integer) killed.get("pages")).isBetween(5, RECORDS / PAGE_SIZE - 1);
        Map<String, Object> state = jdbc.sql("SELECT * FROM sync_state").query().singleRow();
        long checkpointId = (Long) state.get("checkpoint_id");
        Instant checkpointTs = ((java.sql.Timestamp) state.get("checkpoint_ts")).toInstant();
        List<Map<String, Object>> source = PagingOrder.sorted(oracle.store().all());
        List<Long> upToCheckpoint = source.stream()
                .filter(item -> compare(item, checkpointTs, checkpointId) <= 0)
                .map(PagingOrder::optyId).toList();
        assertThat(upToCheckpoint).hasSize((Integer) killed.get("pages") * PAGE_SIZE);
        assertThat(storedIds()).containsExactlyInAnyOrderElementsOf(upToCheckpoint);

        // when: the service starts again, once PostgreSQL has ended the killed process's session (and its lock)
        await().atMost(Duration.ofSeconds(30)).until(() -> advisoryLocks() == 0);
        oracle.onRequest(null);
        oracle.clearRequests();
        ServiceProcess second = startService("second");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> runStatus(2), status -> status != null && !status.equals("RUNNING"));

        // then: the stale log is closed as interrupted, and the new run read only what was not committed
        Map<String, Object> stale = log(1);
        assertThat(stale).containsEntry("status", "FAILED");
        assertThat((String) stale.get("error_message")).startsWith("interrupted: the process running this sync stopped");
        assertThat(second.output()).contains("Sync 2 started: FULL of opportunities (after (LastUpdateDate ")
                .contains(", resuming run 1, which was interrupted, from its checkpoint");
        int remaining = RECORDS - upToCheckpoint.size();
        assertThat(log(2)).containsEntry("status", "SUCCESS").containsEntry("sync_type", "FULL")
                .containsEntry("trigger", "STARTUP").containsEntry("total_fetched", remaining)
                .containsEntry("new_records", remaining).containsEntry("updated_records", 0);
        List<RecordedRequest> requests = oracle.requests();
        assertThat(requests).hasSize((remaining + PAGE_SIZE - 1) / PAGE_SIZE);
        assertThat(requests.get(0).q()).contains("OptyId > " + checkpointId);
        assertThat(storedIds()).hasSize(RECORDS).containsExactlyInAnyOrderElementsOf(source.stream()
                .map(PagingOrder::optyId).toList());
        Map<Long, Instant> storedUpdatedAt = jdbc.sql("SELECT remote_id, oracle_updated_at FROM opportunities")
                .query((rs, row) -> Map.entry(rs.getLong(1), rs.getTimestamp(2).toInstant())).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(source).allSatisfy(item -> assertThat(storedUpdatedAt.get(optyId(item)))
                .isEqualTo(updatedAt(item)));
        assertThat(second.stop()).isTrue();
    }

    private ServiceProcess startService(String name) {
        ServiceProcess child = ServiceProcess.start("killed-run-test-" + name, databaseUrl, Map.of(
                        "ORACLE_BASE_URL", oracle.baseUrl().toString(),
                        "ORACLE_USER", USER,
                        "ORACLE_PASS", PASSWORD,
                        "SYNC_RUN_ON_STARTUP", "true"),
                "--sync.page-size=" + PAGE_SIZE);
        children.add(child);
        return child;
    }

    private int committedPages() {
        return jdbc.sql("SELECT coalesce(max(pages), 0) FROM sync_logs WHERE status = 'RUNNING'")
                .query(Integer.class).optional().orElse(0);
    }

    private String runStatus(long id) {
        return jdbc.sql("SELECT status FROM sync_logs WHERE id = :id").param("id", id).query(String.class)
                .optional().orElse(null);
    }

    private Map<String, Object> log(long id) {
        return jdbc.sql("SELECT * FROM sync_logs WHERE id = :id").param("id", id).query().singleRow();
    }

    private long advisoryLocks() {
        return jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
                .query(Long.class).single();
    }

    private List<Long> storedIds() {
        return jdbc.sql("SELECT remote_id FROM opportunities").query(Long.class).list();
    }

    private static int compare(Map<String, Object> item, Instant ts, long id) {
        int byTime = updatedAt(item).compareTo(ts);
        return byTime != 0 ? byTime : Long.compare(optyId(item), id);
    }
}
