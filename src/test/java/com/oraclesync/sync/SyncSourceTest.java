package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.ApiTestSupport;
import com.oraclesync.support.LogLines;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sync_state is bound to the source it was built from; this service's source is its simulator, demo:opportunities. */
class SyncSourceTest extends ApiTestSupport {

    private static final String DEMO = "demo:opportunities";
    private static final String OTHER = "https://other.example.com/opportunities";

    @Test
    void aRunRecordsTheSourceItsStateIsBuiltFrom() {
        // given
        oracle.store().put(opportunity(1L).build());

        // when
        runSync();

        // then
        assertThat(syncState()).containsEntry("source", DEMO);
    }

    @Test
    void stateFromBeforeTheSourceWasRecordedIsAdoptedAndTheNextRunIsIncremental() {
        // given: a watermark without a source, as migration V14 leaves the state of an earlier version
        oracle.store().put(opportunity(1L).lastUpdate("2024-06-01T10:00:00.000+00:00").build());
        runSync();
        jdbc.sql("UPDATE sync_state SET source = NULL").update();
        oracle.store().put(opportunity(2L).lastUpdate("2024-06-02T10:00:00.000+00:00").build());

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("sync_type", "INCREMENTAL").containsEntry("status", "SUCCESS")
                .containsEntry("new_records", 1);
        assertThat(syncState()).containsEntry("source", DEMO);
    }

    @Test
    void stateOfAnotherSourceRefusesAnIncrementalRunAndSaysWhatToDo() {
        // given: the table and its state were built from another Oracle
        givenStateOfAnotherSource();
        Map<String, Object> before = syncState();
        oracle.clearRequests();

        try (LogLines lines = LogLines.of("com.oraclesync.sync.SyncRuns")) {
            // when
            Map<String, Object> log = runSync();

            // then: nothing was read or written, and the log row and the log line say why and what to do
            assertThat(log).containsEntry("sync_type", "INCREMENTAL").containsEntry("status", "FAILED")
                    .containsEntry("total_fetched", 0);
            assertThat((String) log.get("error_message")).startsWith("Sync opportunities refused: its state "
                            + "(sync_state oracle_opportunities) was built from " + OTHER + ", but this service is "
                            + "configured for " + DEMO + "; going on from it would read only what " + DEMO
                            + " changed after the other source's watermark (LastUpdateDate 2024-06-01T10:00Z, OptyId 1)")
                    .contains("empty opportunities (TRUNCATE opportunities", "POST /api/sync?sync=opportunities&mode=full",
                            "set SYNC_ADOPT_STATE=true (sync.adopt-state)");
            assertThat(lines.messages()).anyMatch(line -> line.startsWith("Sync opportunities refused: ")
                    && line.endsWith("(sync_logs id " + log.get("id") + ")"));
            assertThat(requests()).isEmpty();
            assertThat(syncState()).containsEntry("source", OTHER)
                    .containsEntry("watermark_ts", before.get("watermark_ts"));
        }
    }

    @Test
    void aFullRunIntoATableThatHoldsAnotherSourcesRowsIsRefusedAndTheApiAnswers409() {
        // given
        givenStateOfAnotherSource();

        // when
        Response response = api.post("/api/sync?mode=full");

        // then
        assertThat(response.status()).isEqualTo(409);
        JsonNode error = response.json();
        assertThat(error.get("error").asText()).startsWith("Sync opportunities refused: its state")
                .contains("SYNC_ADOPT_STATE=true");
        assertThat(lastLog()).containsEntry("sync_type", "FULL").containsEntry("status", "FAILED")
                .containsEntry("trigger", "HTTP");
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(1);
        assertThat(runLock.isHeldHere()).isFalse();
    }

    @Test
    void aFullRunIntoAnEmptyTableStartsOverFromTheConfiguredSource() {
        // given: another source's state with a watermark far ahead of this source's data, and its table emptied
        givenStateOfAnotherSource();
        jdbc.sql("UPDATE sync_state SET watermark_ts = '2030-01-01T00:00:00Z', last_success_at = now()").update();
        jdbc.sql("TRUNCATE opportunities").update();
        oracle.store().put(opportunity(2L).lastUpdate("2024-05-01T10:00:00.000+00:00").build());

        // when
        Map<String, Object> full = runSync("FULL");
        oracle.store().put(opportunity(3L).lastUpdate("2024-07-01T10:00:00.000+00:00").build());
        Map<String, Object> next = runSync();

        // then: the watermark is this source's own, and the next run goes on from it
        assertThat(full).containsEntry("sync_type", "FULL").containsEntry("status", "SUCCESS")
                .containsEntry("new_records", 2);
        assertThat(next).containsEntry("sync_type", "INCREMENTAL").containsEntry("status", "SUCCESS")
                .containsEntry("new_records", 1);
        Map<String, Object> state = syncState();
        assertThat(state).containsEntry("source", DEMO).containsEntry("watermark_id", 3L);
        assertThat(((java.sql.Timestamp) state.get("watermark_ts")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-07-01T10:00:00Z").toInstant());
    }

    private void givenStateOfAnotherSource() {
        oracle.store().put(opportunity(1L).lastUpdate("2024-06-01T10:00:00.000+00:00").build());
        runSync();
        jdbc.sql("UPDATE sync_state SET source = :source").param("source", OTHER).update();
    }
}
