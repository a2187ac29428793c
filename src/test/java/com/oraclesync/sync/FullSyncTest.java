package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.support.SyncTestSupport;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FullSyncTest extends SyncTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Test
    void firstRunCopiesEveryRecordWithEveryColumnExact() throws Exception {
        // given
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        oracle.store().putAll(new OpportunityGenerator(7).generate(3000, 1_000_000L,
                now.minus(300, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        oracle.store().put(opportunity(5L).name("Café Müller – 日本 \"Big\" O'Brien; DROP TABLE x")
                .revenue("123456789012.345678").with("WinProb", new BigDecimal("72.5"))
                .lastUpdate("2024-03-10T23:30:00.001+05:30").build());
        oracle.store().put(opportunity(6L).revenue(null).with("TargetPartyName", "").with("EffectiveDate", null)
                .with("Practice_c", null).build());

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("sync_type", "FULL").containsEntry("status", "SUCCESS")
                .containsEntry("total_fetched", 3002).containsEntry("new_records", 3002)
                .containsEntry("updated_records", 0).containsEntry("failed_records", 0)
                .containsEntry("trigger", "SCHEDULE");
        assertThat((Integer) log.get("pages")).isEqualTo(7);
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(3002);
        assertThat(count("SELECT count(*) FROM opportunities WHERE workflow_status <> 'NEW'")).isZero();
        for (Map<String, Object> item : oracle.store().all()) {
            assertRowEquals(item, row(((Number) item.get("OptyId")).longValue()).orElseThrow());
        }
    }

    @Test
    void specialValuesAreStoredExactly() {
        // given
        oracle.store().put(opportunity(5L).name("Café Müller – 日本 \"Big\" O'Brien").revenue("1234.50")
                .lastUpdate("2024-03-10T23:30:00.001+05:30").build());
        oracle.store().put(opportunity(6L).revenue(null).with("TargetPartyName", "").build());

        // when
        runSync();

        // then
        Map<String, Object> special = row(5L).orElseThrow();
        assertThat(special.get("name")).isEqualTo("Café Müller – 日本 \"Big\" O'Brien");
        assertThat(special.get("deal_value")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(((java.sql.Timestamp) special.get("oracle_updated_at")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-03-10T23:30:00.001+05:30").toInstant());
        Map<String, Object> empty = row(6L).orElseThrow();
        assertThat(empty.get("deal_value")).isNull();
        assertThat(empty.get("customer")).isNull();
        assertThat(empty.get("workflow_status")).isEqualTo("NEW");
    }

    private void assertRowEquals(Map<String, Object> item, Map<String, Object> row) throws Exception {
        String id = "OptyId " + item.get("OptyId");
        assertThat(row.get("opportunity_number")).as(id).isEqualTo(item.get("OptyNumber"));
        assertThat(row.get("name")).as(id).isEqualTo(item.get("Name"));
        assertThat(row.get("customer")).as(id).isEqualTo(blankToNull(item.get("TargetPartyName")));
        assertThat(row.get("deal_value")).as(id).isEqualTo(decimal(item.get("Revenue")));
        assertThat(row.get("currency")).as(id).isEqualTo(item.get("CurrencyCode"));
        assertThat(row.get("win_probability")).as(id).isEqualTo(decimal(item.get("WinProb")));
        assertThat(row.get("stage")).as(id).isEqualTo(item.get("SalesStage"));
        assertThat(row.get("status_code")).as(id).isEqualTo(item.get("StatusCode"));
        assertThat(row.get("close_date") == null ? null : ((Date) row.get("close_date")).toLocalDate()).as(id)
                .isEqualTo(item.get("EffectiveDate") == null ? null : LocalDate.parse((String) item.get("EffectiveDate")));
        assertThat(row.get("sales_owner")).as(id).isEqualTo(text(item.get("OwnerResourcePartyId")));
        assertThat(row.get("practice")).as(id).isEqualTo(item.get("Practice_c"));
        assertThat(row.get("geo")).as(id).isEqualTo(item.get("Geo_c"));
        assertThat(row.get("region")).as(id).isEqualTo(item.get("Region_c"));
        assertThat(row.get("sector")).as(id).isEqualTo(item.get("Sector_c"));
        assertThat(instant(row.get("oracle_created_at"))).as(id).isEqualTo(instantOf(item.get("CreationDate")));
        assertThat(instant(row.get("oracle_updated_at"))).as(id).isEqualTo(instantOf(item.get("LastUpdateDate")));
        assertThat(row.get("workflow_status")).as(id).isEqualTo("NEW");
        assertThat(row.get("deleted_at")).as(id).isNull();
        JsonNode stored = JSON.readTree(row.get("source_payload").toString());
        JsonNode sent = JSON.readTree(JSON.writeValueAsString(item));
        assertThat(stored).as(id).isEqualTo(sent);
    }

    private static Object blankToNull(Object value) {
        return value instanceof String text && text.isBlank() ? null : value;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object timestamp) {
        return timestamp == null ? null : ((java.sql.Timestamp) timestamp).toInstant();
    }

    private static Instant instantOf(Object isoText) {
        return isoText == null ? null : OffsetDateTime.parse((String) isoText).toInstant();
    }
}
