package com.oraclesync.api;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.ApiTestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The data API a front end lives on: keyset pages through next links, what changed since, filters, fields,
 * include_deleted, exact and estimated totals, gzip. The estimate is the default here at any size (the threshold
 * below which the total is exact anyway is 0), and runs read no record twice (no overlap), so that a sync's changes
 * are exactly the records it wrote.
 */
@TestPropertySource(properties = {"api.data.exact-count-below=0", "sync.overlap=0s"})
class DataApiTest extends ApiTestSupport {

    private static final Instant LONG_AGO = Instant.parse("2024-01-01T00:00:00Z");
    private static final List<String> STAGES = List.of("Qualify", "Negotiate", "Close");

    @Test
    void walkingNextLinksReturnsEveryRowExactlyOnceWhileASyncInsertsAndUpdatesRowsBetweenPages() {
        // given: 300 rows, keys 1000, 1010, ... so that inserts can land before and after any cursor
        givenOracleHas(LongStream.range(0, 300).map(i -> 1000 + i * 10).toArray());
        runSync();
        Set<Long> atStart = new TreeSet<>(sqlIds("SELECT remote_id FROM opportunities"));
        List<Long> insertedAhead = new ArrayList<>();
        List<Long> insertedBehind = new ArrayList<>();
        Set<Long> updatedAhead = new HashSet<>();

        // when: between two pages, Oracle inserts and updates rows on both sides of the cursor and a sync stores them
        Map<Long, String> seen = new LinkedHashMap<>();
        List<Long> order = new ArrayList<>();
        String next = "/api/data/opportunities?limit=40";
        int page = 0;
        while (next != null) {
            JsonNode body = okJson(next);
            assertThat(body.get("items").size()).isLessThanOrEqualTo(40);
            body.get("items").forEach(item -> {
                order.add(item.get("remote_id").asLong());
                seen.put(item.get("remote_id").asLong(), item.get("name").asText());
            });
            next = body.get("next").isNull() ? null : body.get("next").asText();
            if (next != null && page < 5) {
                long cursor = order.get(order.size() - 1);
                // the original rows are multiples of 10; inserted keys are not, and differ from page to page
                long base = cursor - cursor % 10;
                for (int i = 0; i < 4; i++) {
                    long behind = base - 10 * (i + 1) - 3 - page;
                    long ahead = base + 10 * (i + 1) + 3 + page;
                    oracle.store().insert(opportunity(behind).name("Inserted behind").build());
                    oracle.store().insert(opportunity(ahead).name("Inserted ahead").build());
                    insertedBehind.add(behind);
                    insertedAhead.add(ahead);
                    oracle.store().update(base - 10 * (i * 7 + 1), Map.of("Name", "Updated behind"));
                    long after = base + 10 * (i * 7 + 2);
                    oracle.store().update(after, Map.of("Name", "Updated ahead"));
                    updatedAhead.add(after);
                }
                Map<String, Object> log = runSync();
                assertThat(log).containsEntry("status", "SUCCESS").containsEntry("new_records", 8)
                        .containsEntry("updated_records", 8);
            }
            page++;
        }

        // then: no row twice, every row of the start once, every row inserted ahead of the cursor too, and a row
        // updated ahead of the cursor as it was after the update
        assertThat(order).doesNotHaveDuplicates().isSorted();
        assertThat(seen.keySet()).containsAll(atStart).containsAll(insertedAhead)
                .doesNotContainAnyElementsOf(insertedBehind);
        assertThat(order).hasSize(atStart.size() + insertedAhead.size());
        assertThat(updatedAhead).isNotEmpty().allSatisfy(id -> assertThat(seen.get(id)).isEqualTo("Updated ahead"));
        assertThat(sqlIds("SELECT remote_id FROM opportunities")).hasSize(300 + 40);
    }

    @Test
    void syncedSinceReturnsExactlyTheRowsOfTheLastSyncAndReconcileWithTheDeletedOnesMarked() {
        // given: 200 rows synced, then 30 updated and 7 inserted in Oracle and synced, then 5 deleted and reconciled.
        // The next run starts at its watermark, so it writes the watermark's own row again (200, the latest): that
        // row is one of the 30 here, or synced_since would rightly return it too.
        givenOracleHas(LongStream.rangeClosed(1, 200).toArray());
        runSync();
        OffsetDateTime before = jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single();
        List<Long> changed = new ArrayList<>();
        LongStream.range(0, 30).map(i -> 200 - i * 6).forEach(id -> {
            oracle.store().update(id, Map.of("Name", "Changed"));
            changed.add(id);
        });
        LongStream.rangeClosed(501, 507).forEach(id -> {
            oracle.store().insert(opportunity(id).build());
            changed.add(id);
        });
        assertThat(runSync()).containsEntry("status", "SUCCESS").containsEntry("new_records", 7)
                .containsEntry("updated_records", 30);
        List<Long> deleted = List.of(11L, 23L, 47L, 101L, 199L);
        deleted.forEach(oracle.store()::remove);
        assertThat(runSync("RECONCILE")).containsEntry("status", "SUCCESS").containsEntry("deleted_records", 5);

        // when
        String since = URLEncoder.encode(before.toString(), StandardCharsets.UTF_8);
        List<JsonNode> synced = walk("/api/data/opportunities?limit=10&synced_since=" + since);
        List<JsonNode> updated = walk("/api/data/opportunities?limit=1000&updated_since=" + since);
        JsonNode active = okJson("/api/data/opportunities?count=exact&limit=1");
        JsonNode all = okJson("/api/opportunities?count=exact&limit=1");

        // then
        Set<Long> expected = new TreeSet<>(changed);
        expected.addAll(deleted);
        assertThat(synced).hasSize(42);
        assertThat(ids(synced)).containsExactlyElementsOf(expected);
        assertThat(count("SELECT count(*) FROM opportunities WHERE last_synced_at >= '" + before + "'")).isEqualTo(37);
        assertThat(synced).filteredOn(row -> !row.get("deleted_at").isNull()).extracting(row -> row.get("remote_id")
                .asLong()).containsExactlyElementsOf(deleted);
        assertThat(synced).filteredOn(row -> changed.contains(row.get("remote_id").asLong()))
                .allSatisfy(row -> assertThat(row.get("deleted_at").isNull()).isTrue());
        assertThat(ids(updated)).containsExactlyElementsOf(expected);
        assertThat(active.get("total").asLong()).isEqualTo(207 - 5);
        assertThat(all.get("total").asLong()).isEqualTo(207);
    }

    @Test
    void filtersFieldsIncludeDeletedAndExactCountsAgreeWithSql() {
        // given: stages, workflow statuses and deleted marks spread over 120 rows
        for (long id = 1; id <= 120; id++) {
            oracle.store().put(opportunity(id).with("SalesStage", STAGES.get((int) (id % 3)))
                    .with("Revenue", new BigDecimal(id % 4 == 0 ? "2500.50" : "1000"))
                    .lastUpdate(LONG_AGO.plus(id, ChronoUnit.MINUTES)).build());
        }
        runSync();
        jdbc.sql("UPDATE opportunities SET workflow_status = 'IN_REVIEW' WHERE remote_id % 5 = 0").update();
        jdbc.sql("UPDATE opportunities SET deleted_at = now() WHERE remote_id % 7 = 0").update();

        // when
        JsonNode filtered = okJson("/api/data/opportunities?stage=Negotiate&workflow_status=IN_REVIEW&count=exact");
        JsonNode withDeleted = okJson("/api/data/opportunities?stage=Negotiate&workflow_status=IN_REVIEW"
                + "&include_deleted=true&count=exact");
        JsonNode legacy = okJson("/api/opportunities?stage=Negotiate&workflow_status=IN_REVIEW&count=exact");
        JsonNode legacyActive = okJson("/api/opportunities?stage=Negotiate&include_deleted=false&count=exact");
        JsonNode typed = okJson("/api/data/opportunities?deal_value=2500.5&close_date=2025-06-30&win_probability=50"
                + "&remote_id=40&count=exact");
        JsonNode projected = okJson("/api/data/opportunities?fields=stage,name&limit=3");
        JsonNode payload = okJson("/api/data/opportunities?fields=source_payload&limit=1");
        JsonNode injection = okJson("/api/data/opportunities?stage=" + URLEncoder.encode("x' OR '1'='1",
                StandardCharsets.UTF_8) + "&count=exact");

        // then
        String where = "stage = 'Negotiate' AND workflow_status = 'IN_REVIEW'";
        List<Long> activeIds = sqlIds("SELECT remote_id FROM opportunities WHERE " + where
                + " AND deleted_at IS NULL ORDER BY remote_id");
        List<Long> allIds = sqlIds("SELECT remote_id FROM opportunities WHERE " + where + " ORDER BY remote_id");
        assertThat(activeIds).isNotEmpty().hasSizeLessThan(allIds.size());
        assertThat(ids(filtered)).containsExactlyElementsOf(activeIds);
        assertThat(filtered.get("total").asLong()).isEqualTo(activeIds.size());
        assertThat(filtered.get("total_is_estimate").asBoolean()).isFalse();
        assertThat(ids(withDeleted)).containsExactlyElementsOf(allIds);
        assertThat(withDeleted.get("total").asLong()).isEqualTo(allIds.size());
        assertThat(ids(legacy)).containsExactlyElementsOf(allIds);
        assertThat(ids(legacyActive)).containsExactlyElementsOf(sqlIds("SELECT remote_id FROM opportunities WHERE "
                + "stage = 'Negotiate' AND deleted_at IS NULL ORDER BY remote_id"));
        assertThat(ids(typed)).containsExactly(40L);
        assertThat(projected.get("items")).hasSize(3).allSatisfy(row -> assertThat(fieldNames(row))
                .containsExactly("remote_id", "name", "stage"));
        assertThat(payload.get("items").get(0).get("source_payload").get("OptyId").asLong())
                .isEqualTo(payload.get("items").get(0).get("remote_id").asLong());
        assertThat(injection.get("items")).isEmpty();
        assertThat(injection.get("total").asLong()).isZero();
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(120);
    }

    @Test
    void theTotalIsThePlannersEstimateUnlessCountExactIsAsked() {
        // given
        givenOracleHas(LongStream.rangeClosed(1, 500).toArray());
        runSync();
        jdbc.sql("ANALYZE opportunities").update();
        // rows gone behind the statistics' back (no sync ever deletes one): only an exact count sees it
        jdbc.sql("DELETE FROM opportunities WHERE remote_id <= 80").update();

        // when
        JsonNode estimated = okJson("/api/data/opportunities?limit=5&include_deleted=true");
        JsonNode exact = okJson("/api/data/opportunities?limit=5&count=exact");
        JsonNode askedEstimate = okJson("/api/opportunities?limit=5&count=estimate");

        // then
        assertThat(estimated.get("total_is_estimate").asBoolean()).isTrue();
        assertThat(estimated.get("total").asLong()).isEqualTo(500);
        assertThat(exact.get("total_is_estimate").asBoolean()).isFalse();
        assertThat(exact.get("total").asLong()).isEqualTo(420);
        assertThat(askedEstimate.get("total_is_estimate").asBoolean()).isTrue();
        assertThat(askedEstimate.get("items")).hasSize(5);
    }

    @Test
    void everyBadParameterAnswers400NamingIt() {
        // given
        givenOracleHas(LongStream.rangeClosed(1, 30).toArray());
        runSync();
        String next = okJson("/api/data/opportunities?limit=10&stage=Qualify").get("next").asText();
        String cursor = next.substring(next.indexOf("after=") + "after=".length());
        String tampered = (cursor.charAt(3) == 'A' ? "B" : "A");
        tampered = cursor.substring(0, 3) + tampered + cursor.substring(4);

        Map<String, String> badRequests = new LinkedHashMap<>();
        badRequests.put("/api/data/opportunities?colour=red", "colour");
        badRequests.put("/api/opportunities?colour=red", "colour");
        badRequests.put("/api/data/opportunities?source_payload=x", "source_payload");
        badRequests.put("/api/data/opportunities?limit=0", "limit");
        badRequests.put("/api/data/opportunities?limit=1001", "limit");
        badRequests.put("/api/opportunities?limit=1001", "limit");
        badRequests.put("/api/data/opportunities?limit=ten", "limit");
        badRequests.put("/api/data/opportunities?deal_value=lots", "deal_value");
        badRequests.put("/api/data/opportunities?remote_id=1.5", "remote_id");
        badRequests.put("/api/data/opportunities?close_date=yesterday", "close_date");
        badRequests.put("/api/data/opportunities?oracle_updated_at=2024-13-01T00:00:00Z", "oracle_updated_at");
        badRequests.put("/api/data/opportunities?stage=", "stage");
        badRequests.put("/api/data/opportunities?stage=a&stage=b", "stage");
        badRequests.put("/api/data/opportunities?updated_since=yesterday", "updated_since");
        badRequests.put("/api/data/opportunities?synced_since=2024-01-01", "synced_since");
        badRequests.put("/api/data/opportunities?synced_since=%2B999999-01-01T00:00:00Z", "synced_since");
        badRequests.put("/api/data/opportunities?include_deleted=maybe", "include_deleted");
        badRequests.put("/api/data/opportunities?count=roughly", "count");
        badRequests.put("/api/data/opportunities?fields=name,password", "fields");
        badRequests.put("/api/data/opportunities?after=not-a-cursor", "after");
        badRequests.put("/api/data/opportunities?stage=Qualify&after=" + tampered, "after");
        badRequests.put("/api/data/opportunities?stage=Close&after=" + cursor, "after");
        badRequests.put("/api/data/opportunities?after=" + cursor, "after");
        badRequests.put("/api/data/opportunities?stage=Qualify&offset=10&after=" + cursor, "offset");
        badRequests.put("/api/data/opportunities?stage=" + "x".repeat(1001), "stage");
        badRequests.put("/api/data/leads", "sync");

        badRequests.forEach((path, parameter) -> {
            // when
            Response response = api.get(path);

            // then
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.json().get("parameter").asText()).as(path).isEqualTo(parameter);
            assertThat(response.json().get("error").asText()).as(path).startsWith(parameter + " ");
        });
        assertThat(api.get("/api/data/opportunities?colour=red").json().get("error").asText())
                .contains("colour", "stage", "workflow_status");
        assertThat(api.get("/api/data/opportunities?stage=Qualify&after=" + cursor).status()).isEqualTo(200);
        assertThat(api.get("/api/data/opportunities?limit=1000").status()).isEqualTo(200);
        assertThat(api.get("/api/data/opportunities?limit=1").json().get("items")).hasSize(1);
    }

    @Test
    void aFilterNamedLikeThePathParameterFiltersAndLeavesTheResourceAlone() {
        // given
        givenOracleHas(LongStream.rangeClosed(1, 12).toArray());
        runSync();

        // when
        Response response = api.get("/api/data/opportunities?name=Opportunity%207");

        // then
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(ids(response.json())).containsExactly(7L);
    }

    @Test
    void aClientThatAcceptsGzipGetsAGzipBody() throws IOException {
        // given
        givenOracleHas(LongStream.rangeClosed(1, 100).toArray());
        runSync();

        // when
        HttpResponse<byte[]> gzip = api.sendForBytes(api.builder("/api/data/opportunities?limit=100")
                .header("Accept-Encoding", "gzip"));
        HttpResponse<byte[]> plain = api.sendForBytes(api.builder("/api/data/opportunities?limit=100"));

        // then
        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            unzipped = in.readAllBytes();
        }
        assertThat(unzipped).isEqualTo(plain.body());
        assertThat(gzip.body().length).isLessThan(plain.body().length / 4);
        assertThat(new ObjectMapper().readTree(unzipped).get("items")).hasSize(100);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    }

    private void givenOracleHas(long... ids) {
        for (long id : ids) {
            oracle.store().put(opportunity(id).lastUpdate(LONG_AGO.plus(id, ChronoUnit.SECONDS)).build());
        }
    }

    /** Every row of a query, page by page through the next links. */
    private List<JsonNode> walk(String first) {
        List<JsonNode> rows = new ArrayList<>();
        String next = first;
        while (next != null) {
            JsonNode page = okJson(next);
            page.get("items").forEach(rows::add);
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }
        return rows;
    }

    private JsonNode okJson(String path) {
        Response response = api.get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private List<Long> sqlIds(String sql) {
        return jdbc.sql(sql).query(Long.class).list();
    }

    private static List<Long> ids(JsonNode page) {
        return ids(StreamSupport.stream(page.get("items").spliterator(), false).toList());
    }

    private static List<Long> ids(List<JsonNode> rows) {
        return rows.stream().map(row -> row.get("remote_id").asLong()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
