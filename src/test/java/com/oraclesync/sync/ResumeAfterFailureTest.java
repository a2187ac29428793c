package com.oraclesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.RecordedRequest;
import com.oraclesync.simulator.SimulatedResponse;
import com.oraclesync.support.LogLines;
import com.oraclesync.support.SyncTestSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResumeAfterFailureTest extends SyncTestSupport {

    @Test
    void runThatFailsAtPageFourResumesAtPageFour() {
        // given: 3,000 records, and Oracle fails for good from the fourth page on
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(9).generate(3000, 1L,
                now.minus(60, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        List<Map<String, Object>> ordered = oracle.store().all().stream()
                .sorted(java.util.Comparator.comparing((Map<String, Object> item) -> (String) item.get("LastUpdateDate"))
                        .thenComparing(item -> ((Number) item.get("OptyId")).longValue()))
                .toList();
        AtomicInteger pages = new AtomicInteger();
        oracle.onRequest((request, store) -> pages.getAndIncrement() >= 3 ? SimulatedResponse.status(400) : null);

        // when
        Map<String, Object> failed = runSync();

        // then
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("pages", 3)
                .containsEntry("total_fetched", 1500);
        assertThat((String) failed.get("error_message")).contains("HTTP 400");
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(1500);
        Map<String, Object> lastOfPageThree = ordered.get(1499);
        assertThat(syncState()).containsEntry("checkpoint_type", "FULL")
                .containsEntry("checkpoint_id", ((Number) lastOfPageThree.get("OptyId")).longValue())
                .containsEntry("watermark_ts", null);

        // when the fault is gone
        oracle.onRequest(null);
        oracle.clearRequests();
        Map<String, Object> resumed;
        try (LogLines lines = LogLines.of("com.oraclesync.sync.SyncRuns")) {
            resumed = runSync();

            // then: the failed run is called what it was, not "interrupted"
            assertThat(lines.messages()).anyMatch(line -> line.startsWith("Sync 2 started: FULL of opportunities")
                    && line.endsWith(", resuming from the checkpoint of run 1, which ended FAILED"));
            assertThat(lines.messages()).noneMatch(line -> line.contains("interrupted"));
        }
        assertThat(resumed).containsEntry("sync_type", "FULL").containsEntry("status", "SUCCESS")
                .containsEntry("total_fetched", 1500).containsEntry("new_records", 1500);
        RecordedRequest firstRequest = requests().get(0);
        assertThat(firstRequest.q()).contains("OptyId > " + lastOfPageThree.get("OptyId"))
                .contains(lastOfPageThree.get("LastUpdateDate").toString().substring(0, 23));
        assertThat(requests()).hasSize(3);
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(3000);
        assertThat(count("SELECT count(DISTINCT remote_id) FROM opportunities")).isEqualTo(3000);
        assertThat(syncState()).containsEntry("checkpoint_type", null)
                .containsEntry("watermark_id", ((Number) ordered.get(2999).get("OptyId")).longValue());
    }
}
