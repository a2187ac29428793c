package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.OracleTimestamps;
import com.oraclesync.support.SyncTestSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PagingUnderChangeTest extends SyncTestSupport {

    private static final Instant TIED = Instant.parse("2024-04-01T12:00:00.500Z");

    @Test
    void recordsInsertedAndUpdatedBetweenPagesAreAllStored() {
        // given
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(3).generate(2600, 10_000L,
                now.minus(100, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        List<Long> ids = oracle.store().all().stream().map(item -> ((Number) item.get("OptyId")).longValue()).toList();
        AtomicInteger pages = new AtomicInteger();
        oracle.onRequest((request, store) -> {
            int page = pages.getAndIncrement();
            if (page == 1 || page == 3) {
                for (int i = 0; i < 40; i++) {
                    // records on pages already read and on pages still to come
                    store.update(ids.get((i * 61 + page) % ids.size()), Map.of("Name", "Changed on page " + page));
                }
                for (int i = 0; i < 15; i++) {
                    store.insert(opportunity(900_000L + page * 100 + i).name("Inserted on page " + page).build());
                }
            }
            return null;
        });

        // when
        Map<String, Object> first = runSync();
        oracle.onRequest(null);
        Map<String, Object> second = runSync();

        // then
        assertThat(first).containsEntry("status", "SUCCESS");
        assertThat(second).containsEntry("status", "SUCCESS").containsEntry("new_records", 0)
                .containsEntry("updated_records", 0);
        assertTableEqualsSource();
    }

    @Test
    void aThousandRecordsSharingOneLastUpdateDateCrossPageBoundariesWithoutLoss() {
        // given: 1,200 records share one LastUpdateDate and straddle three page boundaries
        oracle.store().putAll(new OpportunityGenerator(5).generate(400, 1L,
                TIED.minus(10, ChronoUnit.DAYS), TIED.minus(1, ChronoUnit.DAYS)));
        for (long id = 5_000; id < 6_200; id++) {
            oracle.store().put(opportunity(id).lastUpdate(TIED).build());
        }
        oracle.store().putAll(new OpportunityGenerator(6).generate(300, 10_000L,
                TIED.plus(1, ChronoUnit.DAYS), TIED.plus(10, ChronoUnit.DAYS)));

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 1900)
                .containsEntry("new_records", 1900);
        assertTableEqualsSource();
        assertThat(oracle.requests()).allSatisfy(request -> assertThat(request.offset()).isZero());
    }

    @Test
    void recordsCommittedLateWithTheWatermarksTimestampAreFetchedByTheNextRun() {
        // given: the first run ends inside a group of tied records
        for (long id = 5_000; id < 6_100; id++) {
            oracle.store().put(opportunity(id).lastUpdate(TIED).build());
        }
        runSync();
        assertThat(syncState()).containsEntry("watermark_id", 6_099L);
        // Oracle commits more records with the same LastUpdateDate, some with lower OptyIds
        for (long id = 1_000; id < 2_100; id++) {
            oracle.store().put(opportunity(id).lastUpdate(TIED).build());
        }

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("sync_type", "INCREMENTAL").containsEntry("new_records", 1100);
        assertTableEqualsSource();
    }

    @SuppressWarnings("unused")
    private static String ts(Instant instant) {
        return OracleTimestamps.format(instant);
    }
}
