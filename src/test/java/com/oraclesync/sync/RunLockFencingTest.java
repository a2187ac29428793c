package com.oraclesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.oraclesync.OracleSyncApplication;
import com.oraclesync.oracle.OracleProperties;
import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.support.ApiClient;
import com.oraclesync.support.ApiTestSupport;
import com.oraclesync.support.LogLines;
import com.oraclesync.support.OracleGate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * The run lock is a PostgreSQL session lock: when that session dies under a run (pg_terminate_backend here, a
 * database restart in production), the run must stop at its next page, and a run on a second instance must never
 * interleave its writes with it.
 */
// this instance syncs its simulator as demo mode does, the second one as a configured Oracle: one source to both
@TestPropertySource(properties = {"sync.page-size=10", "sync.adopt-state=true"})
class RunLockFencingTest extends ApiTestSupport {

    private static final int RECORDS = 50;

    @Autowired
    private OracleProperties oracleProperties;

    @Autowired
    private Environment environment;

    @BeforeEach
    void givenFiftyRecords() {
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(23).generate(RECORDS, 1L, now.minus(5, ChronoUnit.DAYS),
                now.minus(1, ChronoUnit.DAYS)));
    }

    @Test
    void aRunWhoseLockSessionIsTerminatedStopsAtItsNextPage() throws Exception {
        try (LogLines lines = LogLines.of("com.oraclesync.sync.SyncRuns")) {
            // given: a run with two pages committed, waiting for Oracle's third
            HeldRun held = aRunWaitingAfterTwoPages();
            OracleGate gate = held.gate();
            long run = held.logId();

            // when
            terminateLockSession();
            gate.open();

            // then
            Map<String, Object> ended = awaitRunEnded(run);
            assertThat(ended).containsEntry("status", "FAILED").containsEntry("pages", 2)
                    .containsEntry("total_fetched", 20);
            assertThat((String) ended.get("error_message")).startsWith("this run lost its lock")
                    .contains("stopped before writing page 3");
            assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(20);
            assertThat(lines.messages()).anyMatch(line -> line.startsWith("Sync " + run + " FAILED after 2 pages"));
        }
    }

    @Test
    void aRunWhoseFencingTokenANewerRunClaimedStopsAtItsNextPageThoughItsLockSessionLives() throws Exception {
        // given: a run with two pages committed, waiting for Oracle's third
        HeldRun held = aRunWaitingAfterTwoPages();
        OracleGate gate = held.gate();
        long run = held.logId();
        long token = count("SELECT run_fence FROM sync_state WHERE sync_name = 'oracle_opportunities'");

        // when: a newer run claims the token, as one on another instance would after this run's session had died
        jdbc.sql("UPDATE sync_state SET run_fence = run_fence + 1 WHERE sync_name = 'oracle_opportunities'").update();
        gate.open();

        // then: the lock is still held, so only the token comparison can have stopped it
        Map<String, Object> ended = awaitRunEnded(run);
        assertThat(ended).containsEntry("status", "FAILED").containsEntry("pages", 2)
                .containsEntry("total_fetched", 20);
        assertThat((String) ended.get("error_message"))
                .startsWith("a newer run (fencing token " + (token + 1) + ", this run's is " + token + ")")
                .contains("stopped before writing page 3");
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(20);
    }

    @Test
    void afterTheLockSessionDiesASecondInstancesRunIsTheOnlyOneThatWrites() throws Exception {
        // given: a run on this instance, two pages committed, waiting for Oracle; its lock session dies
        HeldRun held = aRunWaitingAfterTwoPages();
        OracleGate gate = held.gate();
        long first = held.logId();
        terminateLockSession();

        try (ConfigurableApplicationContext secondInstance = startSecondInstance()) {
            ApiClient second = new ApiClient(Integer.parseInt(secondInstance.getEnvironment()
                    .getProperty("local.server.port")));

            // when: the second instance takes the lock and runs, then Oracle answers both
            var started = second.post("/api/sync");
            long secondRun = started.json().get("sync_log_id").asLong();
            gate.open();
            await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(log(secondRun).get("status"))
                    && !runLock.isHeldHere());

            // then: the first run wrote nothing more; the second resumed from its checkpoint and finished
            assertThat(started.status()).isEqualTo(202);
            assertThat(log(first)).containsEntry("status", "FAILED").containsEntry("pages", 2)
                    .containsEntry("total_fetched", 20);
            assertThat(log(secondRun)).containsEntry("status", "SUCCESS").containsEntry("total_fetched", RECORDS - 20);
            assertThat(count("SELECT count(DISTINCT remote_id) FROM opportunities")).isEqualTo(RECORDS);
            assertThat(syncState()).containsEntry("checkpoint_id", null).containsEntry("complete", true);
        }
    }

    /** A run with two pages committed, waiting for Oracle's answer to its third request. */
    private HeldRun aRunWaitingAfterTwoPages() throws InterruptedException {
        OracleGate gate = holdOracleAfter(2);
        long logId = api.post("/api/sync").json().get("sync_log_id").asLong();
        gate.awaitHeld();
        await().atMost(Duration.ofSeconds(30)).until(() -> (Integer) log(logId).get("pages") == 2);
        return new HeldRun(logId, gate);
    }

    private record HeldRun(long logId, OracleGate gate) {
    }

    private void terminateLockSession() {
        long terminated = count("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_locks
                WHERE locktype = 'advisory' AND granted
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """);
        assertThat(terminated).isEqualTo(1);
    }

    private ConfigurableApplicationContext startSecondInstance() {
        return new SpringApplicationBuilder(OracleSyncApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--oracle.base-url=" + oracleProperties.baseUrl(),
                "--oracle.user=" + oracleProperties.user(),
                "--oracle.password=" + oracleProperties.password(),
                "--api.password=" + ApiClient.PASSWORD,
                "--sync.page-size=10",
                "--sync.adopt-state=true",
                "--sync.cron=0 0 0 1 1 ? 2099",
                "--sync.reconcile.cron=0 0 0 1 1 ? 2099",
                "--sync.run-on-startup=false",
                "--spring.quartz.scheduler-name=oracle-sync-fencing-test",
                "--spring.jmx.enabled=false",
                "--camel.main.jmx-enabled=false");
    }
}
