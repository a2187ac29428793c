package com.oraclesync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpportunityActivityTest {

    private static final Instant LOADED_UNTIL = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    @Test
    void stepEditsSomeOpportunitiesAndCreatesOthersStampedWithTheStoreClock() {
        ResourceStore store = ResourceStore.opportunities(Clock.fixed(NOW, ZoneOffset.UTC));
        store.putAll(new OpportunityGenerator(1).generate(50, 1, LOADED_UNTIL.minusSeconds(86_400), LOADED_UNTIL));

        new OpportunityActivity(store, 9).step(5, 2);

        List<Map<String, Object>> changed = store.all().stream()
                .filter(item -> "2024-03-01T12:00:00.000+00:00".equals(item.get("LastUpdateDate"))).toList();
        assertThat(store.size()).isEqualTo(52);
        assertThat(store.get(51)).hasValueSatisfying(created -> assertThat(created)
                .containsEntry("CreationDate", "2024-03-01T12:00:00.000+00:00").containsEntry("StatusCode", "OPEN"));
        assertThat(store.get(52)).isPresent();
        assertThat(changed).hasSizeBetween(3, 7); // five edits may hit the same opportunity twice
    }
}
