package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.simulator.SimulatedResponse;
import com.oraclesync.support.LogLines;
import com.oraclesync.support.PageFaults;
import com.oraclesync.support.SyncTestSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * sync_state.total_records after every run equals the rows not marked deleted, although an INCREMENTAL run no longer
 * counts the table: it goes on from the last full count (see {@link ActiveRecords}).
 */
@TestPropertySource(properties = "sync.page-size=40")
class ActiveRecordsTest extends SyncTestSupport {

    private static final String LOGGER = "com.oraclesync.sync.ActiveRecords";
    private static final Instant FIRST_UPDATE = Instant.parse("2024-02-01T00:00:00Z");

    @BeforeEach
    void givenAHundredRecordsSynced() {
        // an hour apart, so that an INCREMENTAL run's overlap reads the watermark's own record again and no other
        LongStream.rangeClosed(1, 100).forEach(id -> oracle.store().put(opportunity(id)
                .lastUpdate(FIRST_UPDATE.plus(id, ChronoUnit.HOURS)).build()));
        runSync();
        assertTotalRecordsExact(100);
    }

    @Test
    void incrementalRunsCountOnlyTheRowsAddedSinceTheLastCount() {
        try (LogLines lines = LogLines.atDebug(LOGGER)) {
            // given
            oracle.store().insert(opportunity(101L).build());
            oracle.store().insert(opportunity(102L).build());
            oracle.store().update(5L, Map.of("Name", "Renamed"));

            // when
            Map<String, Object> first = runSync();
            oracle.store().insert(opportunity(103L).build());
            Map<String, Object> second = runSync();

            // then
            assertThat(first).containsEntry("sync_type", "INCREMENTAL").containsEntry("new_records", 2);
            assertThat(second).containsEntry("sync_type", "INCREMENTAL").containsEntry("new_records", 1);
            assertTotalRecordsExact(103);
            assertThat(lines.messages()).filteredOn(line -> line.contains("counted"))
                    .containsExactly("Sync 2: 102 rows not marked deleted, counted on from the last count (2 rows "
                                    + "added since, 0 marked deleted)",
                            "Sync 3: 103 rows not marked deleted, counted on from the last count (1 rows added since, "
                                    + "0 marked deleted)");
        }
    }

    @Test
    void rowsMarkedDeletedAndRowsThatComeBackStayCounted() {
        // given: RECONCILE marked three rows deleted, then one of them came back and one record is new
        List.of(10L, 20L, 30L).forEach(oracle.store()::remove);
        runSync("RECONCILE");
        assertTotalRecordsExact(97);
        oracle.store().insert(opportunity(10L).name("Back again").build());
        oracle.store().insert(opportunity(500L).build());

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("sync_type", "INCREMENTAL").containsEntry("new_records", 1)
                .containsEntry("updated_records", 1);
        assertThat(row(10L).orElseThrow()).containsEntry("deleted_at", null);
        assertTotalRecordsExact(99);

        // when RECONCILE marks the new one deleted, and the next INCREMENTAL adds nothing
        oracle.store().remove(500L);
        runSync("RECONCILE");
        runSync();

        // then
        assertTotalRecordsExact(98);
    }

    @Test
    void rowsThatAFailedRunCommittedAreCountedByTheRunThatResumesIt() {
        // given: 120 new records, four pages with the watermark's own record; the run fails after committing the first
        LongStream.rangeClosed(1001, 1120).forEach(id -> oracle.store().insert(opportunity(id).build()));
        oracle.onRequest(new PageFaults().fromPage(2, SimulatedResponse.status(400)));
        Map<String, Object> failed = runSync();
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("new_records", 39);
        oracle.onRequest(null);

        // when
        Map<String, Object> resumed = runSync();

        // then
        assertThat(resumed).containsEntry("status", "SUCCESS").containsEntry("sync_type", "INCREMENTAL")
                .containsEntry("new_records", 81);
        assertTotalRecordsExact(220);
    }

    @Test
    void aTableEmptiedByHandIsCountedInFull() {
        try (LogLines lines = LogLines.atDebug(LOGGER)) {
            // given: the operator empties the table (and its ids start over), then two records change in Oracle; the
            // INCREMENTAL run reads them and the watermark's own record
            jdbc.sql("TRUNCATE opportunities RESTART IDENTITY").update();
            oracle.store().update(1L, Map.of("Name", "Changed"));
            oracle.store().update(2L, Map.of("Name", "Changed"));

            // when
            Map<String, Object> log = runSync();

            // then
            assertThat(log).containsEntry("sync_type", "INCREMENTAL").containsEntry("new_records", 3);
            assertTotalRecordsExact(3);
            assertThat(lines.messages()).contains("Sync 2: 3 rows not marked deleted, counted in full (the table "
                    + "has been emptied or rows removed since the last count)");
        }
    }

    @Test
    void aStateWithoutAPreviousCountIsCountedInFull() {
        // given: a sync_state row from before counts were kept
        jdbc.sql("UPDATE sync_state SET counted_rows = NULL, counted_max_id = NULL, counted_table_file = NULL")
                .update();
        oracle.store().insert(opportunity(101L).build());

        // when
        runSync();
        oracle.store().insert(opportunity(102L).build());
        runSync();

        // then
        assertTotalRecordsExact(102);
    }

    private void assertTotalRecordsExact(long expected) {
        long active = count("SELECT count(*) FROM opportunities WHERE deleted_at IS NULL");
        assertThat(active).isEqualTo(expected);
        assertThat(syncState()).containsEntry("total_records", expected);
    }
}
