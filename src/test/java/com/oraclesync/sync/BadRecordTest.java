package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.oraclesync.simulator.SimulatedResponse;
import com.oraclesync.support.SyncTestSupport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {
        "sync.page-size=100",
        "sync.batch-size=40"
})
class BadRecordTest extends SyncTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Test
    void twoBadItemsAmongGoodOnesEndPartialWithTheirRawItemsInSyncErrors() throws Exception {
        // given: one page of 50 good items with an item without OptyId among them and one with Revenue "abc" after
        // them (a page is in (LastUpdateDate, OptyId) order)
        List<Map<String, Object>> items = new ArrayList<>();
        LongStream.rangeClosed(1, 50).forEach(id -> items.add(opportunity(id).build()));
        Map<String, Object> withoutId = opportunity(0).build();
        withoutId.remove("OptyId");
        Map<String, Object> badRevenue = opportunity(101).with("Revenue", "abc").build();
        items.add(10, withoutId);
        items.add(badRevenue);
        givenOracleAnswersWithOnePage(items);

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "PARTIAL").containsEntry("total_fetched", 52)
                .containsEntry("new_records", 50).containsEntry("failed_records", 2)
                .containsEntry("error_message", "2 record(s) could not be stored; their reasons and raw items are in "
                        + "sync_errors (sync_log_id " + log.get("id") + ")");
        List<Map<String, Object>> errors = syncErrors();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).containsEntry("remote_id", null)
                .containsEntry("reason", "OptyId is missing (value: null)");
        assertThat(json(errors.get(0).get("raw_item"))).isEqualTo(JSON.readTree(JSON.writeValueAsString(withoutId)));
        assertThat(errors.get(1)).containsEntry("remote_id", "101")
                .containsEntry("reason", "Revenue not a valid numeric (value: 'abc')");
        assertThat(json(errors.get(1).get("raw_item"))).isEqualTo(JSON.readTree(JSON.writeValueAsString(badRevenue)));
        assertThat(jdbc.sql("SELECT remote_id FROM opportunities ORDER BY remote_id").query(Long.class).list())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
    }

    @Test
    void impossibleDateGoesToSyncErrorsAndEveryOtherRecordIsStored() {
        // given
        LongStream.rangeClosed(1, 150).forEach(id -> oracle.store().put(opportunity(id).build()));
        oracle.store().put(opportunity(77).with("EffectiveDate", "2025-02-30").build());

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "PARTIAL").containsEntry("total_fetched", 150)
                .containsEntry("new_records", 149).containsEntry("failed_records", 1);
        assertThat(syncErrors()).singleElement().satisfies(error -> assertThat(error)
                .containsEntry("remote_id", "77")
                .containsEntry("reason", "EffectiveDate not a valid date (value: '2025-02-30')"));
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(149);
        assertThat(row(77)).isEmpty();
    }

    @Test
    void rowsPostgresRefusesAreIsolatedAndTheRestOfTheirBatchCommitsWithThePage() throws Exception {
        // given: values the mapper accepts but PostgreSQL refuses, in three different batches of one page:
        // a NUL character, a number beyond numeric's range, a timestamp beyond timestamptz's range
        List<Map<String, Object>> items = new ArrayList<>();
        LongStream.rangeClosed(1, 150).forEach(id -> items.add(opportunity(id).build()));
        items.set(19, opportunity(20).name("Bad\u0000Name").build());
        items.set(69, opportunity(70).with("Revenue", new BigDecimal("1E+140000")).build());
        items.set(129, opportunity(130).with("CreationDate", "+300000-01-01T00:00:00.000+00:00").build());
        givenOracleAnswersWithOnePage(items);

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "PARTIAL").containsEntry("total_fetched", 150)
                .containsEntry("new_records", 147).containsEntry("failed_records", 3).containsEntry("pages", 1);
        List<Map<String, Object>> errors = syncErrors();
        assertThat(errors).extracting(error -> error.get("remote_id")).containsExactly("20", "70", "130");
        assertThat(errors).allSatisfy(error -> assertThat((String) error.get("reason"))
                .startsWith("PostgreSQL refused the row (SQLState 22"));
        assertThat(json(errors.get(0).get("raw_item")).get("Name").asText()).isEqualTo("Bad\\u0000Name");
        assertThat(json(errors.get(1).get("raw_item")).asText()).contains("\"Revenue\":1E+140000");
        assertThat(json(errors.get(2).get("raw_item")).get("CreationDate").asText())
                .isEqualTo("+300000-01-01T00:00:00.000+00:00");
        assertThat(jdbc.sql("SELECT remote_id FROM opportunities ORDER BY remote_id").query(Long.class).list())
                .hasSize(147).doesNotContain(20L, 70L, 130L).contains(19L, 21L, 69L, 71L, 129L, 131L);
        assertThat(syncState()).containsEntry("complete", true).containsEntry("checkpoint_type", null)
                .containsEntry("watermark_id", 150L);
    }

    @Test
    void rejectedItemsThatJsonbCannotHoldAsSentAreRecordedWithoutFailingThePage() throws Exception {
        // given: two items the mapper rejects, whose raw text jsonb refuses as it is: a NUL in a string, and a
        // number beyond numeric's range in a field that is not mapped
        List<Map<String, Object>> items = new ArrayList<>();
        LongStream.rangeClosed(1, 30).forEach(id -> items.add(opportunity(id).build()));
        items.set(9, opportunity(10).name("Bad\u0000Name").with("Revenue", "abc").build());
        items.set(19, opportunity(20).with("EffectiveDate", "2025-02-30").with("Unmapped_c", new BigDecimal("1E+140000"))
                .build());
        givenOracleAnswersWithOnePage(items);

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "PARTIAL").containsEntry("new_records", 28)
                .containsEntry("failed_records", 2);
        List<Map<String, Object>> errors = syncErrors();
        assertThat(errors).extracting(error -> error.get("remote_id")).containsExactly("10", "20");
        assertThat(json(errors.get(0).get("raw_item")).get("Name").asText()).isEqualTo("Bad\\u0000Name");
        assertThat(json(errors.get(1).get("raw_item")).asText()).contains("\"Unmapped_c\":1E+140000");
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(28);
    }

    /** Oracle's whole answer is this one page (the simulator's store cannot hold an item without OptyId). */
    private void givenOracleAnswersWithOnePage(List<Map<String, Object>> items) throws Exception {
        String page = JSON.writeValueAsString(Map.of("items", items, "count", items.size(), "hasMore", false,
                "limit", 500, "offset", 0));
        oracle.onRequest((request, store) ->
                SimulatedResponse.body(200, "application/vnd.oracle.adf.resourcecollection+json", page));
    }

    private List<Map<String, Object>> syncErrors() {
        return jdbc.sql("SELECT remote_id, reason, raw_item::text AS raw_item FROM sync_errors ORDER BY id")
                .query().listOfRows();
    }

    private static JsonNode json(Object text) throws Exception {
        return JSON.readTree(text.toString());
    }
}
