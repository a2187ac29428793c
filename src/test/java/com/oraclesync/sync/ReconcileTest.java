package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.simulator.RecordedRequest;
import com.oraclesync.simulator.SimulatedResponse;
import com.oraclesync.support.SyncTestSupport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "sync.page-size=40")
class ReconcileTest extends SyncTestSupport {

    @Autowired
    private SyncRuns syncRuns;

    @BeforeEach
    void givenAHundredRecordsSynced() {
        LongStream.rangeClosed(1, 100).forEach(id -> oracle.store().put(opportunity(id)
                .lastUpdate(String.format("2024-02-01T10:00:%02d.000+00:00", id % 60)).build()));
        runSync();
        oracle.clearRequests();
    }

    @Test
    void rowsOracleNoLongerReturnsAreMarkedDeletedAndNothingIsRemoved() {
        // given
        Map<String, Object> stateBefore = syncState();
        List.of(10L, 20L, 30L).forEach(oracle.store()::remove);

        // when
        Map<String, Object> log = runSync("RECONCILE");

        // then
        assertThat(log).containsEntry("sync_type", "RECONCILE").containsEntry("status", "SUCCESS")
                .containsEntry("total_fetched", 97).containsEntry("pages", 3).containsEntry("deleted_records", 3)
                .containsEntry("restored_records", 0).containsEntry("error_message", null);
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(100);
        assertThat(deletedIds()).containsExactly(10L, 20L, 30L);
        assertThat(requests()).allSatisfy(request -> assertThat(request.query())
                .containsEntry("fields", "OptyId").containsEntry("orderBy", "OptyId:asc").containsEntry("offset", "0"));
        assertThat(requests()).extracting(RecordedRequest::q).containsExactly(null, "OptyId > 43", "OptyId > 83");
        assertThat(syncState()).containsEntry("watermark_ts", stateBefore.get("watermark_ts"))
                .containsEntry("watermark_id", stateBefore.get("watermark_id")).containsEntry("total_records", 97L);
        assertThat(count("SELECT count(*) FROM reconcile_seen")).isZero();
    }

    @Test
    void rowsThatComeBackAreRestored() {
        // given: 10 and 20 were deleted in Oracle and marked here, then 10 came back
        oracle.store().remove(10L);
        oracle.store().remove(20L);
        runSync("RECONCILE");
        oracle.store().put(opportunity(10L).lastUpdate("2024-02-01T10:00:10.000+00:00").build());

        // when
        Map<String, Object> log = runSync("RECONCILE");

        // then
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 99)
                .containsEntry("deleted_records", 0).containsEntry("restored_records", 1);
        assertThat(deletedIds()).containsExactly(20L);
    }

    @Test
    void syncOfARecordThatComesBackClearsItsDeletedMark() {
        // given
        oracle.store().remove(10L);
        runSync("RECONCILE");
        oracle.store().insert(opportunity(10L).name("Back again").build());

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("sync_type", "INCREMENTAL").containsEntry("status", "SUCCESS");
        assertThat(row(10L).orElseThrow()).containsEntry("name", "Back again").containsEntry("deleted_at", null);
    }

    @Test
    void reconcileThatWouldMarkMoreThanTheAllowedShareIsRefusedAndMarksNothing() {
        // given: Oracle returns 70 of the 100 rows, as it does when the integration user lost visibility
        LongStream.rangeClosed(31, 60).forEach(oracle.store()::remove);

        // when
        Map<String, Object> log = runSync("RECONCILE");

        // then
        assertThat(log).containsEntry("sync_type", "RECONCILE").containsEntry("status", "FAILED")
                .containsEntry("total_fetched", 70).containsEntry("deleted_records", 0);
        assertThat((String) log.get("error_message")).isEqualTo("Reconcile refused to mark 30 of 100 rows (30%) as "
                + "deleted: more than sync.reconcile.max-delete-share (20%) in one run. An integration user that lost "
                + "visibility (roles, territories, ORACLE_FINDER) or wrong credentials look exactly like a mass "
                + "deletion: check them in Oracle. If the deletions are real, raise SYNC_RECONCILE_MAX_DELETE_SHARE "
                + "for one run. Nothing was marked");
        assertThat(deletedIds()).isEmpty();
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(100);
    }

    @Test
    void reconcileStartedAsTheHttpApiDoesKeepsTheCheckpointOfAnInterruptedSync() {
        // given: a sync that failed after its first page left a checkpoint, and one record was deleted in Oracle
        LongStream.rangeClosed(101, 180).forEach(id -> oracle.store().insert(opportunity(id).build()));
        oracle.store().update(1L, Map.of("Name", "Edited"));
        AtomicInteger requests = new AtomicInteger();
        oracle.onRequest((request, store) -> requests.incrementAndGet() > 1 ? SimulatedResponse.status(400) : null);
        assertThat(runSync()).containsEntry("status", "FAILED");
        Map<String, Object> interrupted = syncState();
        oracle.onRequest(null);
        oracle.store().remove(50L);

        // when: the API's way in: begin, then the run route
        SyncRun run = syncRuns.begin("RECONCILE", "HTTP");
        producer.send("direct:sync-opportunities-run", exchange -> exchange.setProperty("syncRun", run));

        // then
        assertThat(lastLog()).containsEntry("sync_type", "RECONCILE").containsEntry("trigger", "HTTP")
                .containsEntry("status", "SUCCESS").containsEntry("deleted_records", 1);
        assertThat(deletedIds()).containsExactly(50L);
        assertThat(syncState()).containsEntry("checkpoint_type", interrupted.get("checkpoint_type"))
                .containsEntry("checkpoint_id", interrupted.get("checkpoint_id"))
                .containsEntry("checkpoint_ts", interrupted.get("checkpoint_ts"));

        // and the next sync resumes the interrupted one
        assertThat(runSync()).containsEntry("sync_type", "INCREMENTAL").containsEntry("status", "SUCCESS");
        assertThat(count("SELECT count(*) FROM opportunities WHERE deleted_at IS NULL")).isEqualTo(179);
    }

    private List<Long> deletedIds() {
        return jdbc.sql("SELECT remote_id FROM opportunities WHERE deleted_at IS NOT NULL ORDER BY remote_id")
                .query(Long.class).list();
    }
}
