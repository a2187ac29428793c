package com.oraclesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.SimulatedResponse;
import com.oraclesync.support.SyncTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageTransactionTest extends SyncTestSupport {

    @AfterEach
    void dropFault() {
        jdbc.sql("DROP TRIGGER IF EXISTS refuse_page_progress ON sync_logs").update();
    }

    @Test
    void pageWhoseLastStepFailsLeavesNeitherRowsNorCheckpoint() {
        // given: PostgreSQL refuses the last statement of the second page's transaction
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(21).generate(1200, 1L,
                now.minus(30, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        givenPostgresRefusesTheProgressOfPage(2);

        // when
        Map<String, Object> log = runSync();

        // then: only the first page is committed, with its checkpoint
        assertThat(log).containsEntry("status", "FAILED").containsEntry("pages", 1).containsEntry("total_fetched", 500);
        assertThat((String) log.get("error_message")).contains("PostgreSQL failed").contains("disk full (simulated)");
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(500);
        Long lastStoredId = jdbc.sql("SELECT remote_id FROM opportunities ORDER BY oracle_updated_at DESC, remote_id DESC LIMIT 1")
                .query(Long.class).single();
        assertThat(syncState()).containsEntry("checkpoint_id", lastStoredId);

        // when the database is healthy again
        dropFault();
        Map<String, Object> resumed = runSync();

        // then
        assertThat(resumed).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 700)
                .containsEntry("new_records", 700);
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(1200);
    }

    @Test
    void pageRequestedAheadStopsRetryingOnceTheRunHasFailed() {
        // given: PostgreSQL refuses the first page, and Oracle keeps failing the page requested ahead of it
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(22).generate(1200, 1L,
                now.minus(30, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        givenPostgresRefusesTheProgressOfPage(1);
        // Retry-After 2 s: the first retry comes well after the run has failed on PostgreSQL
        oracle.onRequest((request, store) -> request.index() == 0 ? null
                : SimulatedResponse.status(503).header("Retry-After", "2"));

        // when
        Map<String, Object> log = runSync();

        // then: the run failed on PostgreSQL, and the request ahead gave up instead of retrying for nobody
        assertThat(log).containsEntry("status", "FAILED").containsEntry("pages", 0);
        AtomicInteger seen = new AtomicInteger(-1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2500))
                .until(() -> seen.getAndSet(oracle.requests().size()) == oracle.requests().size());
        // the first page, then the page ahead: its retry, if one was planned before the run failed, finds it ended
        // (without the stop it would be sent oracle.retry.max-attempts times: 7 requests in all)
        assertThat(oracle.requests()).hasSizeBetween(2, 3);
    }

    /** PostgreSQL raises an error on the last statement of that page's transaction (its sync_logs progress). */
    private void givenPostgresRefusesTheProgressOfPage(int page) {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION refuse_page_progress() RETURNS trigger AS $$
                BEGIN
                  IF NEW.pages = %d AND NEW.status = 'RUNNING' THEN
                    RAISE EXCEPTION 'disk full (simulated)';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql
                """.formatted(page)).update();
        jdbc.sql("CREATE TRIGGER refuse_page_progress BEFORE UPDATE ON sync_logs FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_page_progress()").update();
    }
}
