package com.oraclesync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keyset shortcut: a cursor query reads about one page of records, not the whole store. */
class ResourceQueryTest {

    private static final Instant FROM = Instant.parse("2022-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-01-01T00:00:00Z");
    private static final Map<String, String> KEYSET = Map.of("orderBy", "LastUpdateDate:asc,OptyId:asc", "limit", "100");

    private final ResourceStore store = ResourceStore.opportunities(Clock.fixed(TO, ZoneOffset.UTC));

    @Test
    void keysetQueryExaminesAboutOnePageAndAgreesWithAFullScan() {
        store.putAll(new OpportunityGenerator(11).generate(20_000, 1, FROM, TO));
        List<Map<String, Object>> byKeyset = store.all().stream()
                .sorted(Comparator.comparing((Map<String, Object> item) -> OracleTimestamps.parse((String) item.get("LastUpdateDate")))
                        .thenComparing(item -> (Long) item.get("OptyId")))
                .toList();
        Map<String, Object> cursor = byKeyset.get(12_345);

        ResourceQuery.Page page = run(keysetAfter(cursor));

        assertThat(page.items()).extracting(StoredItem::key)
                .containsExactlyElementsOf(byKeyset.subList(12_346, 12_446).stream().map(item -> (Long) item.get("OptyId")).toList());
        assertThat(page.hasMore()).isTrue();
        assertThat(page.examined()).isLessThanOrEqualTo(105);
    }

    @Test
    void orBranchesWithoutACommonBoundFallBackToAFullScan() {
        store.putAll(new OpportunityGenerator(11).generate(1_000, 1, FROM, TO));

        ResourceQuery.Page page = run("LastUpdateDate > '2023-12-31T00:00:00Z' or StatusCode = 'WON'");

        assertThat(page.examined()).isEqualTo(1_000);
    }

    @Test
    void sortedViewFollowsChangesToTheStore() {
        store.putAll(new OpportunityGenerator(11).generate(500, 1, FROM, TO));
        run("LastUpdateDate >= '2022-01-01'");

        store.update(250, Map.of("Name", "Moved to the end"));
        ResourceQuery.Page page = run("LastUpdateDate >= '2023-12-31T23:59:59.999Z'");

        assertThat(page.items()).extracting(StoredItem::key).containsExactly(250L);
        assertThat(page.examined()).isEqualTo(1);
    }

    private ResourceQuery.Page run(String q) {
        Map<String, String> query = new java.util.HashMap<>(KEYSET);
        query.put("q", q);
        return ResourceQuery.run(store, CollectionRequest.from(query, "2", store.knownFields()));
    }

    private static String keysetAfter(Map<String, Object> cursor) {
        String timestamp = (String) cursor.get("LastUpdateDate");
        return "LastUpdateDate > '" + timestamp + "' or (LastUpdateDate = '" + timestamp
                + "' and OptyId > " + cursor.get("OptyId") + ")";
    }
}
