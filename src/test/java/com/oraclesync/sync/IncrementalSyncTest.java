package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.RecordedRequest;
import com.oraclesync.support.SyncTestSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncrementalSyncTest extends SyncTestSupport {

    @Test
    void secondRunFetchesOnlyWhatChangedSinceTheWatermark() {
        // given
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(11).generate(1200, 2_000_000L,
                now.minus(200, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS)));
        runSync();
        oracle.clearRequests();
        oracle.store().update(2_000_010L, Map.of("Name", "Renamed deal", "Revenue", new java.math.BigDecimal("99.99")));
        oracle.store().update(2_000_500L, Map.of("SalesStage", "Negotiate"));
        oracle.store().insert(opportunity(9_000_001L).name("Brand new").build());

        // when
        Map<String, Object> log = runSync();

        // then: the three changes, plus the watermark's own record, which the overlap window reads again
        assertThat(log).containsEntry("sync_type", "INCREMENTAL").containsEntry("status", "SUCCESS")
                .containsEntry("total_fetched", 4).containsEntry("new_records", 1)
                .containsEntry("updated_records", 2).containsEntry("failed_records", 0);
        List<RecordedRequest> requests = requests();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).q()).startsWith("LastUpdateDate >= '");
        assertThat(requests.get(0).param("orderBy")).isEqualTo("LastUpdateDate:asc,OptyId:asc");
        assertThat(requests.get(0).headers()).containsEntry("rest-framework-version", "4");
        assertThat(row(2_000_010L).orElseThrow()).containsEntry("name", "Renamed deal")
                .containsEntry("deal_value", new java.math.BigDecimal("99.99"));
        assertThat(row(2_000_500L).orElseThrow()).containsEntry("stage", "Negotiate");
        assertThat(row(9_000_001L).orElseThrow()).containsEntry("name", "Brand new").containsEntry("workflow_status", "NEW");
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(1201);
    }

    @Test
    void incrementalLowerBoundIsTheWatermarkMinusTheOverlap() {
        // given
        oracle.store().put(opportunity(1L).lastUpdate("2024-05-01T10:00:00.000+00:00").build());
        runSync();
        oracle.clearRequests();

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(requests().get(0).q()).isEqualTo("LastUpdateDate >= '2024-05-01T09:55:00.000+00:00'");
        assertThat(log).containsEntry("total_fetched", 1).containsEntry("new_records", 0)
                .containsEntry("updated_records", 0);
        assertThat(syncState()).containsEntry("watermark_id", 1L);
    }

    @Test
    void fullModeAfterTheFirstRunReadsEverythingAgain() {
        // given
        oracle.store().put(opportunity(1L).lastUpdate("2024-05-01T10:00:00.000+00:00").build());
        oracle.store().put(opportunity(2L).lastUpdate("2024-05-02T10:00:00.000+00:00").build());
        runSync();
        oracle.clearRequests();

        // when
        Map<String, Object> log = runSync("FULL");

        // then
        assertThat(log).containsEntry("sync_type", "FULL").containsEntry("total_fetched", 2)
                .containsEntry("new_records", 0).containsEntry("updated_records", 0);
        assertThat(requests().get(0).q()).isNull();
    }
}
