package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oraclesync.simulator.SimulatedResponse;
import com.oraclesync.support.PageFaults;
import com.oraclesync.support.SyncTestSupport;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A page whose items are out of the requested order is an error, never a skip (the checkpoint is its last item). */
@TestPropertySource(properties = "sync.page-size=10")
class PageOrderTest extends SyncTestSupport {

    @BeforeEach
    void givenThirtyRecords() {
        LongStream.rangeClosed(1, 30).forEach(id -> oracle.store().put(opportunity(id)
                .lastUpdate(String.format("2024-02-01T10:00:%02d.000+00:00", id)).build()));
    }

    @Test
    void aShuffledPageFailsTheRunWithNothingOfItStoredAndTheNextRunReadsEveryRecord() {
        // given: Oracle ignores orderBy for the second page
        oracle.onRequest(new PageFaults().onPage(2, SimulatedResponse.shuffledItems()));

        // when
        Map<String, Object> failed = runSync();
        long storedAfterFailure = count("SELECT count(*) FROM opportunities");
        Object checkpoint = syncState().get("checkpoint_id");
        oracle.onRequest(null);
        Map<String, Object> resumed = runSync();

        // then
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("pages", 1);
        assertThat((String) failed.get("error_message")).startsWith("Oracle returned a page out of order: item 2")
                .contains("orderBy=LastUpdateDate:asc,OptyId:asc").contains("nothing of this page was stored");
        assertThat(storedAfterFailure).isEqualTo(10);
        assertThat(checkpoint).isEqualTo(10L);
        assertThat(resumed).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 20);
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(30);
    }

    @Test
    void aPageThatStartsAtOrBeforeTheCheckpointFailsTheRun() throws Exception {
        // given: the second page answers with the first page's records again
        String firstPageAgain = new ObjectMapper().writeValueAsString(Map.of("hasMore", true, "items",
                LongStream.rangeClosed(1, 10).mapToObj(id -> oracle.store().get(id).orElseThrow()).toList()));
        oracle.onRequest(new PageFaults().onPage(2,
                SimulatedResponse.body(200, "application/json", firstPageAgain)));

        // when
        Map<String, Object> failed = runSync();

        // then
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("pages", 1);
        assertThat((String) failed.get("error_message")).contains("item 1 (LastUpdateDate")
                .contains("is not after the checkpoint (LastUpdateDate").contains("OptyId 10)");
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(10);
    }

    @Test
    void aReconcileOverShuffledPagesMarksNothingDeleted() {
        // given: a stored copy, one record gone from Oracle, and Oracle ignoring orderBy
        runSync();
        oracle.store().remove(5L);
        oracle.onRequest((request, store) -> SimulatedResponse.shuffledItems());

        // when
        Map<String, Object> reconcile = runSync("RECONCILE");

        // then
        assertThat(reconcile).containsEntry("sync_type", "RECONCILE").containsEntry("status", "FAILED");
        assertThat((String) reconcile.get("error_message")).contains("orderBy=OptyId:asc");
        assertThat(count("SELECT count(*) FROM opportunities WHERE deleted_at IS NOT NULL")).isZero();
    }
}
