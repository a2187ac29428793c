package com.oraclesync.simulator;

import static com.oraclesync.simulator.OpportunityFixture.opportunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceStoreTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2024-05-02T10:15:30.456789Z"), ZoneOffset.UTC);

    private final ResourceStore store = ResourceStore.opportunities(NOW);

    @Test
    void putKeepsTheItemAsGivenIncludingLastUpdateDate() {
        store.put(opportunity(7).lastUpdate("2023-12-31T23:59:59.999-05:00").build());

        assertThat(store.get(7)).contains(opportunity(7).lastUpdate("2023-12-31T23:59:59.999-05:00").build());
    }

    @Test
    void insertStampsBothDatesWithTheClockAndAssignsTheNextOptyId() {
        store.put(opportunity(41).build());

        Map<String, Object> created = store.insert(Map.of("Name", "New deal"));

        assertThat(created).containsEntry("OptyId", 42L)
                .containsEntry("CreationDate", "2024-05-02T10:15:30.456+00:00")
                .containsEntry("LastUpdateDate", "2024-05-02T10:15:30.456+00:00")
                .containsEntry("Name", "New deal");
        assertThat(store.get(42)).contains(created);
    }

    @Test
    void insertRefusesAnExistingOptyId() {
        store.put(opportunity(1).build());

        assertThatThrownBy(() -> store.insert(opportunity(1).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("OptyId 1 already exists");
    }

    @Test
    void updateAppliesChangesAndMovesLastUpdateDateToNow() {
        store.put(opportunity(5).build());

        Map<String, Object> updated = store.update(5, Map.of("StatusCode", "WON"));

        assertThat(updated).containsEntry("StatusCode", "WON")
                .containsEntry("LastUpdateDate", "2024-05-02T10:15:30.456+00:00")
                .containsEntry("CreationDate", "2024-01-01T09:00:00.000+00:00");
    }

    @Test
    void updateOfAnAbsentOpportunityFails() {
        assertThatThrownBy(() -> store.update(404, Map.of("Name", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("No opportunity with OptyId 404");
    }

    @Test
    void itemWithoutOptyIdIsRejected() {
        assertThatThrownBy(() -> store.put(Map.of("Name", "orphan")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("OptyId is missing from the opportunity");
    }

    @Test
    void versionGrowsWithEveryChange() {
        long initial = store.version();

        store.put(opportunity(1).build());
        store.update(1, Map.of("Name", "x"));
        store.remove(1);
        boolean removedAgain = store.remove(1);

        assertThat(removedAgain).isFalse();
        assertThat(store.version()).isEqualTo(initial + 3);
    }

    @Test
    void allReturnsCopiesSortedByOptyId() {
        store.putAll(List.of(opportunity(3).build(), opportunity(1).build(), opportunity(2).build()));

        List<Map<String, Object>> all = store.all();
        all.get(0).put("Name", "changed by the caller");

        assertThat(all).extracting(item -> item.get("OptyId")).containsExactly(1L, 2L, 3L);
        assertThat(store.get(1).orElseThrow()).containsEntry("Name", "Deal 1");
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void acceptsAnIntegerOptyIdAndStoresItAsLong() {
        store.put(Map.of("OptyId", 9, "Name", "small id"));

        assertThat(store.get(9).orElseThrow()).containsEntry("OptyId", 9L);
    }
}
