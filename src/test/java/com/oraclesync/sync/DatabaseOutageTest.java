package com.oraclesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.support.PagingOrder;
import com.oraclesync.support.StoppableDatabase;
import com.oraclesync.support.StoppablePostgres;
import com.oraclesync.support.SyncTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@StoppableDatabase
@TestPropertySource(properties = {
        "sync.page-size=100",
        "spring.datasource.hikari.connection-timeout=2000"
})
class DatabaseOutageTest extends SyncTestSupport {

    @Test
    void postgresStoppedMidRunFailsTheRunCleanlyAndTheNextRunAfterItIsBackCompletes() {
        // given: 1,000 records, and PostgreSQL stops while Oracle prepares the fourth page
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(61).generate(1000, 1L,
                now.minus(60, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        List<Map<String, Object>> ordered = PagingOrder.sorted(oracle.store().all());
        oracle.onRequest((request, store) -> {
            if (request.index() == 3) {
                // the fourth page is requested while the third is written: stop once the third has committed
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> count("SELECT coalesce(max(pages), 0) FROM sync_logs") == 3);
                StoppablePostgres.stop();
            }
            return null;
        });

        // when
        producer.sendBodyAndHeaders("direct:sync-opportunities", null, Map.of("syncMode", "AUTO", "syncTrigger", "SCHEDULE"));
        StoppablePostgres.start();

        // then: three pages are committed with their checkpoint; the log could not be written while the database was down
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(300);
        assertThat(syncState()).containsEntry("checkpoint_type", "FULL")
                .containsEntry("checkpoint_id", PagingOrder.optyId(ordered.get(299)))
                .containsEntry("watermark_ts", null);
        assertThat(lastLog()).containsEntry("status", "RUNNING").containsEntry("pages", 3);

        // when the database is back
        oracle.onRequest(null);
        Map<String, Object> resumed = runSync();

        // then: the failed run's log says what happened, and the new run completes from the checkpoint
        Map<String, Object> failed = jdbc.sql("SELECT * FROM sync_logs WHERE id = 1").query().singleRow();
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("pages", 3);
        assertThat((String) failed.get("error_message")).startsWith("PostgreSQL is unreachable (")
                .contains("check that it is running and DATABASE_URL / SPRING_DATASOURCE_URL",
                        "the checkpoint is intact");
        assertThat(resumed).containsEntry("id", 2L).containsEntry("status", "SUCCESS").containsEntry("sync_type", "FULL")
                .containsEntry("total_fetched", 700).containsEntry("new_records", 700);
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(1000);
        assertThat(count("SELECT count(DISTINCT remote_id) FROM opportunities")).isEqualTo(1000);
        assertThat(syncState()).containsEntry("checkpoint_type", null)
                .containsEntry("watermark_id", PagingOrder.optyId(ordered.get(999)));
    }
}
