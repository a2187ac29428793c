package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.support.StoredRows;
import com.oraclesync.support.SyncTestSupport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FullSyncTest extends SyncTestSupport {

    @Test
    void firstRunCopiesEveryRecordWithEveryColumnExact() {
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

    private static void assertRowEquals(Map<String, Object> item, Map<String, Object> row) {
        String id = "OptyId " + item.get("OptyId");
        assertThat(StoredRows.differences(item, row)).as(id).isEmpty();
        assertThat(row.get("workflow_status")).as(id).isEqualTo("NEW");
        assertThat(row.get("deleted_at")).as(id).isNull();
    }
}
