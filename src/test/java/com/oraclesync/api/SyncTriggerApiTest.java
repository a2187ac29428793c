package com.oraclesync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.ApiTestSupport;
import com.oraclesync.support.LogLines;
import com.oraclesync.support.OracleGate;
import com.oraclesync.support.SameMoment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** POST /api/sync and its alias: one run at a time, started in the background, followed in the status answer. */
@TestPropertySource(properties = {"sync.page-size=100", "sync.progress-log-every-pages=5"})
class SyncTriggerApiTest extends ApiTestSupport {

    @Autowired
    private DataSource dataSource;

    @Test
    void postAnswers202WithTheNewLogIdWhileTheRunGoesOnInTheBackground() throws Exception {
        // given: Oracle holds its first answer, so the run cannot have finished when the answer comes
        givenOracleHas(250);
        OracleGate gate = holdOracleAfter(0);

        // when
        Response response = api.post("/api/sync");

        // then
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = response.json();
        assertThat(body.get("sync_log_id").asLong()).isEqualTo(1);
        assertThat(body.get("sync_type").asText()).isEqualTo("FULL");
        assertThat(body.get("trigger").asText()).isEqualTo("HTTP");
        assertThat(body.get("status").asText()).isEqualTo("RUNNING");
        assertThat(body.get("status_url").asText()).isEqualTo("/api/sync/status");
        assertThat(log(1)).containsEntry("status", "RUNNING").containsEntry("trigger", "HTTP");

        // when Oracle answers
        gate.open();

        // then
        assertThat(awaitRunEnded(1)).containsEntry("status", "SUCCESS").containsEntry("sync_type", "FULL")
                .containsEntry("total_fetched", 250).containsEntry("new_records", 250);
    }

    @Test
    void postWithAWatermarkRunsIncrementalAndModeFullForcesFull() {
        // given
        givenOracleHas(10);
        runSync();

        // when
        Response incremental = api.post("/api/sync");
        awaitRunEnded(incremental.json().get("sync_log_id").asLong());
        Response full = api.post("/api/sync?mode=full");
        awaitRunEnded(full.json().get("sync_log_id").asLong());

        // then
        assertThat(incremental.json().get("sync_type").asText()).isEqualTo("INCREMENTAL");
        assertThat(full.status()).isEqualTo(202);
        assertThat(full.json().get("sync_type").asText()).isEqualTo("FULL");
        assertThat(lastLog()).containsEntry("sync_type", "FULL").containsEntry("total_fetched", 10)
                .containsEntry("updated_records", 0).containsEntry("status", "SUCCESS");
    }

    @Test
    void aliasPostSyncDatabaseStartsARunLikePostSync() {
        // given
        givenOracleHas(3);

        // when
        Response response = api.post("/api/sync-database");

        // then
        assertThat(response.status()).isEqualTo(202);
        long logId = response.json().get("sync_log_id").asLong();
        assertThat(awaitRunEnded(logId)).containsEntry("trigger", "HTTP").containsEntry("total_fetched", 3);
    }

    @Test
    void triggerWhileARunIsInProgressAnswers409WithTheRunningLogIdAndStartsNothing() throws Exception {
        // given
        givenOracleHas(50);
        OracleGate gate = holdOracleAfter(0);
        long running = api.post("/api/sync").json().get("sync_log_id").asLong();
        gate.awaitHeld();

        // when
        Response second = api.post("/api/sync?mode=full");
        Response alias = api.post("/api/sync-database");

        // then
        for (Response refused : List.of(second, alias)) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("running_sync_log_id").asLong()).isEqualTo(running);
            assertThat(refused.json().get("error").asText()).contains("already running");
        }
        assertThat(count("SELECT count(*) FROM sync_logs")).isEqualTo(1);
    }

    @Test
    void twoSimultaneousPostsStartExactlyOneRun() throws Exception {
        // given
        givenOracleHas(50);
        holdOracleAfter(0);

        // when
        SameMoment.Both<Response, Response> answers = SameMoment.run(() -> api.post("/api/sync"),
                () -> api.post("/api/sync-database"));

        // then
        List<Response> responses = List.of(answers.first(), answers.second());
        assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(202, 409);
        Response started = responses.stream().filter(r -> r.status() == 202).findFirst().orElseThrow();
        Response refused = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.json().get("running_sync_log_id").asLong())
                .isEqualTo(started.json().get("sync_log_id").asLong());
        assertThat(count("SELECT count(*) FROM sync_logs")).isEqualTo(1);
    }

    @Test
    void aRunOfAnotherInstanceBlocksTriggersHereAndShowsItsCommittedProgress() throws Exception {
        // given: another instance holds the run lock in the shared database and has committed 3 pages
        long otherRun = jdbc.sql("""
                INSERT INTO sync_logs (sync_type, status, trigger, pages, total_fetched, new_records, started_at, instance_id)
                VALUES ('FULL', 'RUNNING', 'SCHEDULE', 3, 1500, 1500, now() - interval '10 seconds', '4242@other-host')
                RETURNING id
                """).query(Long.class).single();
        long key = ("oracle-sync:" + "oracle_opportunities").hashCode();
        Connection otherInstance = dataSource.getConnection();
        advisory(otherInstance, "pg_advisory_lock", key);
        try {
            // when
            Response trigger = api.post("/api/sync");
            JsonNode status = api.get("/api/sync/status").json();

            // then
            assertThat(trigger.status()).isEqualTo(409);
            assertThat(trigger.json().get("running_sync_log_id").asLong()).isEqualTo(otherRun);
            assertThat(status.get("running").asBoolean()).isTrue();
            assertThat(status.get("running_sync_log_id").asLong()).isEqualTo(otherRun);
            assertThat(status.get("last_run").get("instance_id").asText()).isEqualTo("4242@other-host");
            JsonNode progress = status.get("progress");
            assertThat(progress.get("pages_fetched").asInt()).isEqualTo(3);
            assertThat(progress.get("records_so_far").asLong()).isEqualTo(1500);
            assertThat(progress.get("estimated_total").isNull()).isTrue();
            assertThat(progress.get("elapsed_seconds").asLong()).isBetween(10L, 60L);
            assertThat(progress.get("records_per_second").asDouble()).isBetween(25.0, 150.0);
            assertThat(count("SELECT count(*) FROM sync_logs")).isEqualTo(1);
        } finally {
            // the connection goes back to the pool: its session must not keep the lock
            advisory(otherInstance, "pg_advisory_unlock", key);
            otherInstance.close();
        }
    }

    private static void advisory(Connection connection, String function, long key) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, key);
            statement.execute();
        }
    }

    @Test
    void badModeAnswers400NamingTheParameterAndStartsNothing() {
        // when
        Response response = api.post("/api/sync?mode=bogus");

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("parameter").asText()).isEqualTo("mode");
        assertThat(response.json().get("error").asText())
                .isEqualTo("mode must be one of incremental, full, reconcile (was 'bogus')");
        assertThat(count("SELECT count(*) FROM sync_logs")).isZero();
    }

    @Test
    void reconcileModeStartsAReconcileRunInTheBackground() {
        // given: 40 records stored, then one of them deleted in Oracle
        givenOracleHas(40);
        awaitRunEnded(api.post("/api/sync").json().get("sync_log_id").asLong());
        long deleted = ((Number) oracle.store().all().get(0).get("OptyId")).longValue();
        oracle.store().remove(deleted);

        // when
        Response response = api.post("/api/sync?mode=reconcile");

        // then
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("sync_type").asText()).isEqualTo("RECONCILE");
        assertThat(awaitRunEnded(response.json().get("sync_log_id").asLong()))
                .containsEntry("sync_type", "RECONCILE").containsEntry("status", "SUCCESS")
                .containsEntry("trigger", "HTTP").containsEntry("total_fetched", 39);
        JsonNode lastRun = api.get("/api/sync/status").json().get("last_run");
        assertThat(lastRun.get("deleted_records").asInt()).isEqualTo(1);
        assertThat(lastRun.get("restored_records").asInt()).isZero();
        assertThat(api.get("/api/opportunities/" + deleted).json().get("deleted_at").isNull()).isFalse();
    }

    @Test
    void statusShowsTheProgressOfARunInProgressWithEstimateRateAndEta() throws Exception {
        // given: 1200 records in pages of 100; Oracle holds the third page
        givenOracleHas(1200);
        OracleGate gate = holdOracleAfter(2);
        long logId = api.post("/api/sync").json().get("sync_log_id").asLong();
        gate.awaitHeld();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/sync/status").json().path("progress").path("pages_fetched").asInt() == 2);

        // when
        JsonNode status = api.get("/api/sync/status").json();

        // then
        assertThat(status.get("running").asBoolean()).isTrue();
        assertThat(status.get("running_sync_log_id").asLong()).isEqualTo(logId);
        assertThat(status.get("last_run").get("status").asText()).isEqualTo("RUNNING");
        assertThat(status.get("last_run").get("total_fetched").asInt()).isEqualTo(200);
        JsonNode progress = status.get("progress");
        assertThat(progress.get("sync_log_id").asLong()).isEqualTo(logId);
        assertThat(progress.get("pages_fetched").asInt()).isEqualTo(2);
        assertThat(progress.get("records_so_far").asLong()).isEqualTo(200);
        assertThat(progress.get("estimated_total").asLong()).isEqualTo(1200);
        assertThat(progress.get("records_per_second").asDouble()).isPositive();
        assertThat(progress.get("eta_seconds").isIntegralNumber()).isTrue();
        assertThat(progress.get("elapsed_seconds").asLong()).isNotNegative();
        JsonNode checkpoint = status.get("checkpoint");
        assertThat(checkpoint.get("sync_log_id").asLong()).isEqualTo(logId);
        assertThat(checkpoint.get("sync_type").asText()).isEqualTo("FULL");
        assertThat(checkpoint.get("after").get("opty_id").asLong()).isEqualTo(lastStoredRemoteId());

        // when the run ends
        gate.open();
        awaitRunEnded(logId);
        JsonNode after = api.get("/api/sync/status").json();

        // then
        assertThat(after.get("running").asBoolean()).isFalse();
        assertThat(after.get("running_sync_log_id").isNull()).isTrue();
        assertThat(after.get("progress").isNull()).isTrue();
        assertThat(after.get("checkpoint").isNull()).isTrue();
        assertThat(after.get("last_run").get("status").asText()).isEqualTo("SUCCESS");
        assertThat(after.get("last_run").get("total_fetched").asInt()).isEqualTo(1200);
    }

    @Test
    void theLogPrintsOneProgressLineEveryFivePagesAndNonePerRecord() {
        // given: 1200 records in 12 pages of 100
        givenOracleHas(1200);
        List<String> lines;

        // when
        long logId;
        try (LogLines log = LogLines.of("com.oraclesync")) {
            logId = api.post("/api/sync").json().get("sync_log_id").asLong();
            awaitRunEnded(logId);
            lines = log.messages();
        }

        // then
        List<String> progressLines = lines.stream().filter(line -> line.startsWith("Sync " + logId + ": ")).toList();
        assertThat(progressLines).hasSize(2);
        assertThat(progressLines.get(0)).startsWith("Sync " + logId + ": 5 pages, 500 of about 1200 records (41 %), ")
                .contains(" records/s, about ").endsWith(" to go");
        assertThat(progressLines.get(1)).startsWith("Sync " + logId + ": 10 pages, 1000 of about 1200 records (83 %), ");
        assertThat(lines.stream().filter(line -> line.startsWith("Sync " + logId + " ") || line.startsWith(
                "Sync " + logId + ":"))).as("start, two progress lines, end").hasSize(4);
    }

    private long lastStoredRemoteId() {
        return jdbc.sql("SELECT remote_id FROM opportunities ORDER BY oracle_updated_at DESC, remote_id DESC LIMIT 1")
                .query(Long.class).single();
    }

    private void givenOracleHas(int records) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        oracle.store().putAll(new OpportunityGenerator(3).generate(records, 1L,
                now.minus(30, ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS)));
    }
}
