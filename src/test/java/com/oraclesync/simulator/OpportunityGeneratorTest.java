package com.oraclesync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpportunityGeneratorTest {

    private static final Instant FROM = Instant.parse("2023-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-06-30T00:00:00Z");

    @Test
    void sameSeedGivesTheSameOpportunities() {
        assertThat(new OpportunityGenerator(7).generate(50, 1, FROM, TO))
                .isEqualTo(new OpportunityGenerator(7).generate(50, 1, FROM, TO));
    }

    @Test
    void generatesConsecutiveOptyIdsWithOracleFieldsAndTypes() {
        List<Map<String, Object>> items = new OpportunityGenerator(1).generate(2_000, 300_000_000_000_001L, FROM, TO);

        assertThat(items).extracting(item -> item.get("OptyId"))
                .startsWith(300_000_000_000_001L).endsWith(300_000_000_002_000L).doesNotHaveDuplicates();
        assertThat(items).allSatisfy(item -> {
            assertThat(item.keySet()).containsExactlyElementsOf(OpportunityFields.STANDARD);
            assertThat(item.get("OptyNumber")).asString().startsWith("CDRM_");
            assertThat(item.get("CurrencyCode")).isIn("USD", "EUR", "GBP");
            assertThat(item.get("StatusCode")).isIn("OPEN", "WON", "LOST");
            assertThat(item.get("WinProb")).isInstanceOfAny(Integer.class, BigDecimal.class);
            assertThat(item.get("OwnerResourcePartyId")).isInstanceOf(Long.class);
            assertThat((String) item.get("EffectiveDate")).matches("\\d{4}-\\d{2}-\\d{2}");
            Instant created = OracleTimestamps.parse((String) item.get("CreationDate"));
            Instant updated = OracleTimestamps.parse((String) item.get("LastUpdateDate"));
            assertThat(created).isBetween(FROM, updated);
            assertThat(updated).isBetween(created, TO);
            assertThat((String) item.get("LastUpdateDate")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
            if (item.get("Revenue") != null) {
                assertThat(((BigDecimal) item.get("Revenue")).scale()).isEqualTo(2);
            }
        });
    }

    @Test
    void mixesInTrickyNamesNullRevenuesAndClosedDealsAtRealisticRates() {
        List<Map<String, Object>> items = new OpportunityGenerator(3).generate(10_000, 1, FROM, TO);

        long tricky = items.stream().map(item -> (String) item.get("Name"))
                .filter(name -> !name.contains(" - ")).count();
        long nullRevenue = items.stream().filter(item -> item.get("Revenue") == null).count();
        long open = items.stream().filter(item -> "OPEN".equals(item.get("StatusCode"))).count();

        assertThat(tricky).isBetween(350L, 650L);
        assertThat(nullRevenue).isBetween(350L, 650L);
        assertThat(open).isGreaterThan(7_500L);
    }

    @Test
    void oneOpportunityIsLastUpdatedWhenAsked() {
        Instant lastUpdate = Instant.parse("2024-02-29T12:00:00.250Z");

        Map<String, Object> item = new OpportunityGenerator(5).opportunity(99, lastUpdate);

        assertThat(item).containsEntry("OptyId", 99L).containsEntry("LastUpdateDate", "2024-02-29T12:00:00.250+00:00");
        assertThat(OracleTimestamps.parse((String) item.get("CreationDate"))).isBeforeOrEqualTo(lastUpdate);
    }
}
