package com.oraclesync.monitoring;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.ApiTestSupport;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** /actuator/prometheus and /actuator/health as an operator's Prometheus and load balancer see them. */
@AutoConfigureObservability
class MonitoringEndpointsTest extends ApiTestSupport {

    private static final String SYNC_MODE = "mode=\"sync\"";

    @Test
    void afterARunTheSyncCountersGrewByExactlyTheRunsCounts() {
        // given: a first run stored 1200 records; 30 of them change and one new record cannot be stored
        Instant now = givenSyncedThenChanged(11, 1200, 30);
        oracle.store().put(opportunity(5000L).with("Revenue", "n/a").lastUpdate(now.minus(1, ChronoUnit.HOURS)).build());
        String before = scrape();

        // when
        long logId = api.post("/api/sync").json().get("sync_log_id").asLong();
        Map<String, Object> log = awaitRunEnded(logId);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                value(scrape(), "oracle_sync_run_duration_seconds_count", "status=\"PARTIAL\"") >= 1);
        String after = scrape();

        // then
        assertThat(log).containsEntry("status", "PARTIAL").containsEntry("updated_records", 30)
                .containsEntry("failed_records", 1);
        assertThat(grown(before, after, "oracle_sync_records_fetched_total", SYNC_MODE)).isEqualTo((Integer) log.get("total_fetched"));
        assertThat(grown(before, after, "oracle_sync_records_new_total", SYNC_MODE)).isEqualTo((Integer) log.get("new_records"));
        assertThat(grown(before, after, "oracle_sync_records_updated_total", SYNC_MODE)).isEqualTo(30);
        assertThat(grown(before, after, "oracle_sync_records_failed_total", SYNC_MODE)).isEqualTo(1);
        assertThat(grown(before, after, "oracle_sync_pages_fetched_total", SYNC_MODE)).isEqualTo((Integer) log.get("pages"));
        assertThat(value(after, "oracle_sync_run_duration_seconds_count",
                "status=\"PARTIAL\",sync=\"opportunities\",trigger=\"HTTP\",type=\"INCREMENTAL\"")).isEqualTo(1);
        Map<String, Object> state = syncState();
        assertThat(value(after, "oracle_sync_last_success_timestamp_seconds", ""))
                .isCloseTo(((Timestamp) state.get("last_success_at")).toInstant().toEpochMilli() / 1000.0, within(0.01));
        double expectedLag = Duration.between(((Timestamp) state.get("watermark_ts")).toInstant(), Instant.now()).toMillis() / 1000.0;
        assertThat(value(after, "oracle_sync_watermark_lag_seconds", "")).isCloseTo(expectedLag, within(5.0));
        assertThat(value(after, "oracle_sync_running", "")).isZero();
    }

    @Test
    void aFullRunOverStoredRowsCountsEveryFetchedRecordOnceInTheLogTheStatusAndTheMetrics() {
        // given: 1200 stored records; 5 of them are newer in PostgreSQL than in Oracle, 30 changed in Oracle,
        // 2 are new in Oracle and one more new one cannot be stored
        Instant now = givenSyncedThenChanged(13, 1200, 30);
        jdbc.sql("UPDATE opportunities SET oracle_updated_at = oracle_updated_at + interval '1 day', name = 'kept'"
                + " WHERE remote_id BETWEEN 101 AND 105").update();
        oracle.store().put(opportunity(5000L).lastUpdate(now.minus(1, ChronoUnit.HOURS)).build());
        oracle.store().put(opportunity(5001L).lastUpdate(now.minus(1, ChronoUnit.HOURS)).build());
        oracle.store().put(opportunity(5002L).with("Revenue", "n/a").lastUpdate(now.minus(1, ChronoUnit.HOURS)).build());
        String before = scrape();

        // when
        long logId = api.post("/api/sync?mode=full").json().get("sync_log_id").asLong();
        Map<String, Object> log = awaitRunEnded(logId);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                value(scrape(), "oracle_sync_run_duration_seconds_count", "status=\"PARTIAL\",sync=\"opportunities\","
                        + "trigger=\"HTTP\",type=\"FULL\"") >= 1);
        String after = scrape();
        JsonNode lastRun = api.get("/api/sync/status").json().get("last_run");

        // then
        Map<String, Integer> expected = Map.of("total_fetched", 1203, "new_records", 2, "updated_records", 30,
                "unchanged_records", 1165, "skipped_stale_records", 5, "failed_records", 1);
        assertThat(log).containsEntry("sync_type", "FULL").containsEntry("status", "PARTIAL")
                .containsAllEntriesOf(expected);
        assertThat(Stream.of("new_records", "updated_records", "unchanged_records", "skipped_stale_records",
                "failed_records").mapToInt(column -> (Integer) log.get(column)).sum()).isEqualTo(log.get("total_fetched"));
        expected.forEach((column, count) -> assertThat(lastRun.get(column).asInt()).as(column).isEqualTo(count));
        assertThat(count("SELECT count(*) FROM opportunities WHERE name = 'kept'")).isEqualTo(5);
        Map<String, String> counters = Map.of("total_fetched", "fetched", "new_records", "new",
                "updated_records", "updated", "unchanged_records", "unchanged",
                "skipped_stale_records", "skipped_stale", "failed_records", "failed");
        counters.forEach((column, counter) -> assertThat(grown(before, after,
                "oracle_sync_records_" + counter + "_total", "mode=\"sync\"")).as(counter).isEqualTo(expected.get(column)));
    }

    @Test
    void aReconcilesIdReadsAreCountedApartFromTheSyncsRecords() {
        // given
        oracle.store().putAll(new OpportunityGenerator(17).generate(700, 1L,
                Instant.now().minus(30, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.HOURS)));
        runSync();
        String before = scrape();

        // when
        Map<String, Object> log = runSync("RECONCILE");
        String after = scrape();

        // then
        assertThat(log).containsEntry("sync_type", "RECONCILE").containsEntry("total_fetched", 700);
        assertThat(grown(before, after, "oracle_sync_records_fetched_total", "mode=\"sync\"")).isZero();
        assertThat(grown(before, after, "oracle_sync_pages_fetched_total", "mode=\"sync\"")).isZero();
        assertThat(grown(before, after, "oracle_sync_records_fetched_total", "mode=\"reconcile\"")).isEqualTo(700);
        assertThat(grown(before, after, "oracle_sync_pages_fetched_total", "mode=\"reconcile\"")).isEqualTo(2);
    }

    @Test
    void camelRouteMetricsCarryRouteIdsAndNoTagCarriesQueriesNorSql() {
        // given
        oracle.store().put(opportunity(1L).build());
        runSync();

        // when
        String metrics = scrape();

        // then
        assertThat(metrics).contains("camel_exchanges_total{")
                .contains("routeId=\"sync-opportunities-store-page\"")
                .contains("routeId=\"sync-opportunities-fetch-page\"")
                .doesNotContain("camel_exchange_event_notifier");
        assertThat(metrics.lines().filter(line -> line.startsWith("camel_")))
                .allSatisfy(line -> assertThat(line).doesNotContain("?").doesNotContainIgnoringCase("select ")
                        .doesNotContainIgnoringCase("insert ").doesNotContainIgnoringCase("password")
                        .doesNotContain("sql:"));
    }

    @Test
    void everyMetricThatTheDashboardAndTheAlertsUseIsExposedAfterASync() {
        // given: a run with a bad record, so that every counter of the sync has moved
        oracle.store().put(opportunity(1L).build());
        oracle.store().put(opportunity(2L).with("Revenue", "n/a").build());
        runSync();

        // when
        String metrics = scrape();

        // then
        Set<String> exposed = metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        Set<String> used = new TreeSet<>(MonitoringAsCode.dashboardVariableMetrics());
        MonitoringAsCode.dashboardQueries().forEach(query -> used.addAll(MonitoringAsCode.metricNames(query)));
        MonitoringAsCode.alertExpressions().forEach(rule -> used.addAll(MonitoringAsCode.metricNames(rule)));
        // up is Prometheus's own series for each target it scrapes
        used.remove("up");
        assertThat(used).contains("oracle_sync_records_fetched_total", "oracle_sync_run_duration_seconds_count",
                "oracle_sync_last_success_timestamp_seconds", "oracle_sync_watermark_lag_seconds",
                "camel_route_policy_seconds_sum", "process_start_time_seconds");
        assertThat(exposed).containsAll(used);
    }

    @Test
    void theDashboardsRouteSelectorsFindTheSyncsRoutes() {
        // given
        oracle.store().put(opportunity(1L).build());
        runSync();
        Set<String> routeIds = Pattern.compile("routeId=\"([^\"]+)\"").matcher(scrape()).results()
                .map(match -> match.group(1)).collect(Collectors.toSet());

        // when: each routeId matcher of the dashboard, with the sync variable at All (.*)
        List<String> selectors = MonitoringAsCode.dashboardQueries().stream()
                .flatMap(query -> Pattern.compile("routeId=~\"([^\"]+)\"").matcher(query).results())
                .map(match -> match.group(1).replace("$sync", ".*")).distinct().toList();

        // then
        assertThat(selectors).contains("sync-(.*)-fetch-page", "sync-(.*)-store-page");
        assertThat(selectors).allSatisfy(selector -> assertThat(routeIds)
                .as("route ids matching %s", selector).anyMatch(routeId -> routeId.matches(selector)));
    }

    @Test
    void prometheusNeedsTheApiCredentials() {
        // when
        Response anonymous = api.anonymous().get("/actuator/prometheus");

        // then
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("oracle_sync");
    }

    @Test
    void healthShowsALoginTheDatabaseCamelAndAFreshSync() {
        // given
        oracle.store().put(opportunity(1L).build());
        runSync();

        // when
        Response response = api.get("/actuator/health");

        // then
        assertThat(response.status()).isEqualTo(200);
        JsonNode health = response.json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode components = health.get("components");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("db").get("details").get("database").asText()).isEqualTo("PostgreSQL");
        assertThat(components.get("camelHealth").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("camelHealth").get("details").get("context.data").get("context.status").asText())
                .isEqualTo("Started");
        JsonNode freshness = components.get("syncFreshness");
        assertThat(freshness.get("status").asText()).isEqualTo("UP");
        // the test schedule fires once, in 2099: the bound falls back to 26 h
        assertThat(freshness.get("details").get("max_age").asText()).isEqualTo("PT26H");
    }

    @Test
    void healthReportsAStaleSyncWhenTheLastSuccessIsOlderThanTheBound() {
        // given
        oracle.store().put(opportunity(1L).build());
        runSync();
        jdbc.sql("UPDATE sync_state SET last_success_at = now() - interval '27 hours'").update();

        // when
        Response response = api.get("/actuator/health");

        // then
        assertThat(response.status()).isEqualTo(503);
        JsonNode freshness = response.json().get("components").get("syncFreshness");
        assertThat(freshness.get("status").asText()).isEqualTo("DOWN");
        assertThat(freshness.get("details").get("age").asText()).startsWith("PT27H");
        assertThat(freshness.get("details").get("reason").asText()).contains("older than max_age");
        assertThat(response.json().get("components").get("db").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void beforeTheFirstSuccessFreshnessIsUnknownAndHealthStaysUp() {
        // when
        Response response = api.get("/actuator/health");

        // then
        assertThat(response.status()).isEqualTo(200);
        JsonNode freshness = response.json().get("components").get("syncFreshness");
        assertThat(freshness.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(freshness.get("details").get("last_success_at").asText()).isEqualTo("never");
    }

    /** Oracle holds {@code records} generated ones, all synced; then the first {@code changed} of them change. */
    private Instant givenSyncedThenChanged(int seed, int records, int changed) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        oracle.store().putAll(new OpportunityGenerator(seed).generate(records, 1L,
                now.minus(30, ChronoUnit.DAYS), now.minus(2, ChronoUnit.HOURS)));
        runSync();
        for (long id = 1; id <= changed; id++) {
            oracle.store().update(id, Map.of("Name", "changed " + id));
        }
        return now;
    }

    private String scrape() {
        Response response = api.get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static int grown(String before, String after, String counter, String labels) {
        return (int) Math.round(value(after, counter, labels) - value(before, counter, labels));
    }

    /** The sample of a metric whose labels contain the given text; 0 when there is none. */
    private static double value(String metrics, String name, String labels) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(metrics);
        while (matcher.find()) {
            if (matcher.group(1).contains(labels)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }
}
