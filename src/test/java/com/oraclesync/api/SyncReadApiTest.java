package com.oraclesync.api;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.ApiTestSupport;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The read side of the API: status, history, skipped records and the synced opportunities. */
class SyncReadApiTest extends ApiTestSupport {

    private static final List<String> SYNC_LOG_FIELDS = List.of("id", "sync_type", "status", "trigger",
            "total_fetched", "new_records", "updated_records", "unchanged_records", "skipped_stale_records",
            "failed_records", "deleted_records",
            "restored_records", "pages", "error_message",
            "started_at", "completed_at", "duration_seconds", "watermark_from", "watermark_to", "instance_id");

    @Test
    void statusBeforeAnyRunHasNoLastRunAndNoWatermark() {
        // when
        Response response = api.get("/api/sync/status");

        // then
        assertThat(response.status()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.get("running").asBoolean()).isFalse();
        assertThat(status.get("last_run").isNull()).isTrue();
        assertThat(status.get("watermark").isNull()).isTrue();
        assertThat(status.get("checkpoint").isNull()).isTrue();
        assertThat(status.get("progress").isNull()).isTrue();
        assertThat(status.get("total_records").asLong()).isZero();
    }

    @Test
    void statusAfterARunShowsEverySyncLogFieldAndTheCommittedWatermark() {
        // given
        givenOracleHas(3);
        Map<String, Object> log = runSync();

        // when
        JsonNode status = api.get("/api/sync/status").json();
        JsonNode alias = api.get("/api/sync-status").json();

        // then
        JsonNode lastRun = status.get("last_run");
        assertThat(fieldNames(lastRun)).containsExactlyElementsOf(SYNC_LOG_FIELDS);
        assertThat(lastRun.get("id").asLong()).isEqualTo((Long) log.get("id"));
        assertThat(lastRun.get("sync_type").asText()).isEqualTo("FULL");
        assertThat(lastRun.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(lastRun.get("trigger").asText()).isEqualTo("SCHEDULE");
        assertThat(lastRun.get("total_fetched").asInt()).isEqualTo(3);
        assertThat(lastRun.get("new_records").asInt()).isEqualTo(3);
        assertThat(lastRun.get("pages").asInt()).isEqualTo(1);
        assertThat(lastRun.get("error_message").isNull()).isTrue();
        assertThat(lastRun.get("duration_seconds").decimalValue()).isEqualByComparingTo((BigDecimal) log.get("duration_seconds"));
        assertThat(instant(lastRun.get("started_at"))).isEqualTo(((Timestamp) log.get("started_at")).toInstant());
        assertThat(instant(lastRun.get("watermark_to"))).isEqualTo(((Timestamp) log.get("watermark_to")).toInstant());
        assertThat(lastRun.get("started_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
        Map<String, Object> state = syncState();
        assertThat(status.get("running").asBoolean()).isFalse();
        assertThat(instant(status.get("watermark").get("last_update_date")))
                .isEqualTo(((Timestamp) state.get("watermark_ts")).toInstant());
        assertThat(status.get("watermark").get("opty_id").asLong()).isEqualTo((Long) state.get("watermark_id"));
        assertThat(status.get("total_records").asLong()).isEqualTo(3);
        assertThat(status.get("complete").asBoolean()).isTrue();
        assertThat(alias).isEqualTo(status);
    }

    @Test
    void historyIsNewestFirstTenByDefaultAndTheLimitIsAtMostAHundred() {
        // given
        for (int i = 0; i < 12; i++) {
            runSync();
        }

        // when
        JsonNode defaults = api.get("/api/sync/history").json();
        JsonNode three = api.get("/api/sync/history?limit=3").json();
        JsonNode alias = api.get("/api/sync-history?limit=3").json();
        Response hundred = api.get("/api/sync/history?limit=100");

        // then
        assertThat(ids(defaults)).containsExactly(12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L);
        assertThat(defaults.get("total").asLong()).isEqualTo(12);
        assertThat(defaults.get("limit").asInt()).isEqualTo(10);
        assertThat(fieldNames(defaults.get("items").get(0))).containsExactlyElementsOf(SYNC_LOG_FIELDS);
        assertThat(ids(three)).containsExactly(12L, 11L, 10L);
        assertThat(alias).isEqualTo(three);
        assertThat(hundred.status()).isEqualTo(200);
        assertThat(ids(hundred.json())).hasSize(12);
    }

    @Test
    void badLimitsAndOffsetsAnswer400NamingTheParameter() {
        for (String path : List.of("/api/sync/history?limit=-1", "/api/sync/history?limit=100000",
                "/api/sync/history?limit=101", "/api/sync/history?limit=0", "/api/sync-history?limit=ten",
                "/api/opportunities?limit=-1", "/api/opportunities?limit=100000", "/api/sync/errors?limit=100000")) {
            // when
            Response response = api.get(path);

            // then
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.json().get("parameter").asText()).as(path).isEqualTo("limit");
            assertThat(response.json().get("error").asText()).as(path).startsWith("limit must be");
        }
        Response offset = api.get("/api/opportunities?offset=-5");
        assertThat(offset.status()).isEqualTo(400);
        assertThat(offset.json().get("parameter").asText()).isEqualTo("offset");
        assertThat(offset.json().get("error").asText()).isEqualTo("offset must be at least 0 (was '-5')");
    }

    @Test
    void errorsListTheRecordsARunSkippedWithReasonRemoteIdAndRawItem() {
        // given: one record has a Revenue that is not a number
        oracle.store().put(opportunity(1L).build());
        oracle.store().put(opportunity(7L).with("Revenue", "lots").build());
        long runId = (Long) runSync().get("id");

        // when
        Response byRun = api.get("/api/sync/errors?run=" + runId);
        Response latest = api.get("/api/sync/errors");

        // then
        assertThat(byRun.status()).isEqualTo(200);
        JsonNode page = byRun.json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode error = page.get("items").get(0);
        assertThat(error.get("sync_log_id").asLong()).isEqualTo(runId);
        assertThat(error.get("remote_id").asText()).isEqualTo("7");
        assertThat(error.get("reason").asText()).contains("Revenue").contains("lots");
        assertThat(error.get("raw_item").isObject()).isTrue();
        assertThat(error.get("raw_item").get("OptyId").asLong()).isEqualTo(7);
        assertThat(error.get("raw_item").get("Revenue").asText()).isEqualTo("lots");
        assertThat(latest.json()).isEqualTo(page);
    }

    @Test
    void errorsOfAnUnknownRunAnswer404AndABadRunId400() {
        // when
        Response unknown = api.get("/api/sync/errors?run=999");
        Response bad = api.get("/api/sync/errors?run=abc");
        Response none = api.get("/api/sync/errors");

        // then
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("No sync run with sync_logs id 999");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("parameter").asText()).isEqualTo("run");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("error").asText()).isEqualTo("No sync has run yet");
    }

    @Test
    void opportunitiesArePagedInRemoteIdOrderWithTheTotal() {
        // given
        givenOracleHas(25);
        runSync();

        // when
        JsonNode page = api.get("/api/opportunities?limit=10&offset=20").json();
        JsonNode defaults = api.get("/api/opportunities").json();

        // then
        assertThat(page.get("total").asLong()).isEqualTo(25);
        assertThat(page.get("limit").asInt()).isEqualTo(10);
        assertThat(page.get("offset").asInt()).isEqualTo(20);
        assertThat(StreamSupport.stream(page.get("items").spliterator(), false).map(item -> item.get("remote_id").asLong()))
                .containsExactly(21L, 22L, 23L, 24L, 25L);
        assertThat(page.get("items").get(0).has("source_payload")).isFalse();
        assertThat(defaults.get("limit").asInt()).isEqualTo(100);
        assertThat(defaults.get("items")).hasSize(25);
    }

    @Test
    void anOpportunityByRemoteIdHasEveryColumnAndOraclesItemAndTheAliasAnswersTheSame() {
        // given
        oracle.store().put(opportunity(42L).name("Café Müller \"Big\"").revenue("1234.50").statusCode("WON")
                .lastUpdate("2024-03-10T23:30:00.001+05:30").build());
        runSync();

        // when
        Response response = api.get("/api/opportunities/42");
        Response alias = api.get("/api/oracle-opportunity/42");

        // then
        assertThat(response.status()).isEqualTo(200);
        JsonNode row = response.json();
        assertThat(row.get("remote_id").asLong()).isEqualTo(42);
        assertThat(row.get("opportunity_number").asText()).isEqualTo("CDRM_42");
        assertThat(row.get("name").asText()).isEqualTo("Café Müller \"Big\"");
        assertThat(row.get("deal_value").decimalValue()).isEqualByComparingTo("1234.50");
        assertThat(row.get("status_code").asText()).isEqualTo("WON");
        assertThat(row.get("workflow_status").asText()).isEqualTo("NEW");
        assertThat(row.get("close_date").asText()).isEqualTo("2025-06-30");
        assertThat(instant(row.get("oracle_updated_at"))).isEqualTo(OffsetDateTime.parse("2024-03-10T23:30:00.001+05:30").toInstant());
        assertThat(row.get("deleted_at").isNull()).isTrue();
        assertThat(row.get("source_payload").get("OptyId").asLong()).isEqualTo(42);
        assertThat(row.get("source_payload").get("LastUpdateDate").asText()).isEqualTo("2024-03-10T23:30:00.001+05:30");
        assertThat(alias.status()).isEqualTo(200);
        assertThat(alias.json()).isEqualTo(row);
    }

    @Test
    void anAbsentOpportunityAnswers404AndANonNumericId400() {
        // when
        Response absent = api.get("/api/opportunities/404404");
        Response aliasAbsent = api.get("/api/oracle-opportunity/404404");
        Response bad = api.get("/api/opportunities/abc");

        // then
        assertThat(absent.status()).isEqualTo(404);
        assertThat(absent.json().get("error").asText()).isEqualTo("No opportunity with remote_id (OptyId) 404404");
        assertThat(aliasAbsent.status()).isEqualTo(404);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("parameter").asText()).isEqualTo("remote_id");
    }

    @Test
    void everyApiPathRefusesARequestWithoutTheApiCredentials() {
        // given
        List<String> gets = List.of("/api/sync/status", "/api/sync-status", "/api/sync/history", "/api/sync-history",
                "/api/sync/errors", "/api/opportunities", "/api/opportunities/1", "/api/oracle-opportunity/1");
        List<String> posts = List.of("/api/sync", "/api/sync-database");

        for (var client : List.of(api.anonymous(), api.as("admin", "wrong-password"), api.as("root", "test-api-password"))) {
            // when
            List<Response> responses = new ArrayList<>();
            gets.forEach(path -> responses.add(client.get(path)));
            posts.forEach(path -> responses.add(client.post(path)));

            // then
            assertThat(responses).allSatisfy(response -> {
                assertThat(response.status()).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"oracle-sync\"");
            });
        }
        assertThat(count("SELECT count(*) FROM sync_logs")).isZero();
    }

    @Test
    void answersEchoNoRequestHeaderBack() {
        // when
        Response response = api.send(api.builder("/api/sync/status?limit=5").header("X-Probe", "probe-value"));

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().map().keySet()).map(String::toLowerCase)
                .doesNotContain("x-probe", "authorization", "limit");
        assertThat(response.headers().map().values().toString()).doesNotContain("probe-value");
    }

    private void givenOracleHas(int records) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (long id = 1; id <= records; id++) {
            oracle.store().put(opportunity(id).lastUpdate(now.minus(id, ChronoUnit.MINUTES)).build());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<Long> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(item -> item.get("id").asLong()).toList();
    }

    private static Instant instant(JsonNode timestamp) {
        return OffsetDateTime.parse(timestamp.asText()).toInstant();
    }
}
