package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.OracleTimestamps;
import com.oraclesync.simulator.RecordedRequest;
import com.oraclesync.simulator.SimulatedResponse;
import com.oraclesync.support.ApiTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * sync.parallelism 4 against a simulator that takes its time per request: the run's slices read at once, and every
 * change made while they do (inserts, updates of records already read and still to read, a mass update that gives
 * 1,200 records one LastUpdateDate, records committed late with a LastUpdateDate in the past and low ids) is in the
 * database after the run and one INCREMENTAL.
 */
@TestPropertySource(properties = {"sync.parallelism=4", "sync.page-size=100"})
class ParallelSlicesTest extends ApiTestSupport {

    private static final Instant TIED = Instant.parse("2024-04-01T12:00:00.500Z");
    private static final Duration PER_REQUEST = Duration.ofMillis(40);

    @AfterEach
    void answerAtOnceAgain() {
        oracle.latency(Duration.ZERO, Duration.ZERO);
    }

    @Test
    void changesDuringAParallelRunAreAllStoredAfterItAndOneIncremental() {
        // given: 6,000 records over 100 days, 1,200 of them sharing one LastUpdateDate
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(21).generate(2400, 10_000L,
                TIED.minus(50, ChronoUnit.DAYS), TIED.minus(1, ChronoUnit.HOURS)));
        for (long id = 20_000; id < 21_200; id++) {
            oracle.store().put(opportunity(id).lastUpdate(TIED).build());
        }
        oracle.store().putAll(new OpportunityGenerator(22).generate(2400, 30_000L,
                TIED.plus(1, ChronoUnit.HOURS), now.minus(1, ChronoUnit.DAYS)));
        List<Long> ids = oracle.store().all().stream().map(item -> ((Number) item.get("OptyId")).longValue()).toList();
        oracle.latency(PER_REQUEST, Duration.ofNanos(20_000));
        oracle.resetMostInFlight();
        AtomicInteger pages = new AtomicInteger();
        AtomicReference<JsonNode> statusMidway = new AtomicReference<>();
        oracle.onRequest((request, store) -> {
            if (request.param("totalResults") != null) {
                return null; // the slice planning's counts
            }
            int page = pages.incrementAndGet();
            if (page == 30) {
                statusMidway.set(api.get("/api/sync/status").json());
            }
            if (page == 6 || page == 20) {
                for (int i = 0; i < 60; i++) {
                    // records of every slice, read already or not yet
                    store.update(ids.get((i * 97 + page) % ids.size()), Map.of("Name", "Changed on page " + page));
                }
                for (int i = 0; i < 20; i++) {
                    store.insert(opportunity(900_000L + page * 100 + i).name("Inserted on page " + page).build());
                    // committed late: a LastUpdateDate two minutes ago, and a low id
                    store.put(opportunity(page * 100L + i).name("Backdated on page " + page)
                            .lastUpdate(Instant.now().minus(2, ChronoUnit.MINUTES)).build());
                }
            }
            if (page == 12) {
                // a mass update: 1,200 records, served and unserved, get one LastUpdateDate
                String massUpdate = OracleTimestamps.format(Instant.now());
                for (int i = 0; i < 1200; i++) {
                    Map<String, Object> item = store.get(ids.get((i * 5) % ids.size())).orElseThrow();
                    Map<String, Object> changed = new HashMap<>(item);
                    changed.put("Name", "Mass update");
                    changed.put("LastUpdateDate", massUpdate);
                    store.put(changed);
                }
            }
            return null;
        });

        // when
        Map<String, Object> full = runSync();
        int mostInFlight = oracle.mostInFlight();
        List<RecordedRequest> fullRequests = requests();
        oracle.onRequest(null);
        Map<String, Object> incremental = runSync();

        // then: the run read in slices at once, and the database equals Oracle
        assertThat(full).containsEntry("status", "SUCCESS").containsEntry("sync_type", "FULL");
        assertThat(mostInFlight).as("requests answered at one moment").isBetween(3, 4);
        assertThat(fullRequests).filteredOn(request -> request.q() != null && request.q().contains("LastUpdateDate <"))
                .as("requests of bounded slices").isNotEmpty();
        JsonNode slices = statusMidway.get().path("progress").path("slices");
        assertThat(slices).as("progress.slices of %s", statusMidway.get()).hasSize(4);
        assertThat(slices.get(0).path("slice").asInt()).isEqualTo(1);
        assertThat(slices.get(0).path("from").isNull()).isTrue();
        assertThat(slices.get(3).path("to").isNull()).isTrue();
        assertThat(slices.get(3).path("from").asText()).isEqualTo(slices.get(2).path("to").asText());
        long sliceRecords = 0;
        for (JsonNode slice : slices) {
            sliceRecords += slice.path("records_so_far").asLong();
            assertThat(slice.has("pages_fetched") && slice.has("done")).isTrue();
        }
        // slices commit while the snapshot is taken: the run's total and theirs may differ by a page each
        long runRecords = statusMidway.get().path("progress").path("records_so_far").asLong();
        assertThat(sliceRecords).isPositive().isBetween(runRecords - 400, runRecords + 400);
        assertThat(incremental).containsEntry("status", "SUCCESS").containsEntry("sync_type", "INCREMENTAL");
        assertTableEqualsSource();
        assertThat(syncState()).containsEntry("total_records", (long) oracle.store().size());
        assertThat(count("SELECT count(*) FROM sync_state_slices")).isZero();
        assertThat(syncState().get("checkpoint_type")).isNull();
    }

    @Test
    void slicesAreBalancedByRecordCountNotByTimeSpan() {
        // given: 1,000 records over two years, then 5,000 in the last three days
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(24).generate(1000, 10_000L,
                now.minus(730, ChronoUnit.DAYS), now.minus(3, ChronoUnit.DAYS)));
        oracle.store().putAll(new OpportunityGenerator(25).generate(5000, 20_000L,
                now.minus(3, ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS)));

        // when
        Map<String, Object> log = runSync();

        // then: each slice read about a quarter of the records: as many pages as the others, give or take one
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 6000);
        Map<String, Long> pagesPerSlice = requests().stream().filter(request -> request.param("totalResults") == null)
                .collect(Collectors.groupingBy(ParallelSlicesTest::upperBound, Collectors.counting()));
        assertThat(pagesPerSlice).hasSize(4);
        assertThat(pagesPerSlice.values()).allSatisfy(pages -> assertThat(pages).isBetween(14L, 17L));
        assertTableEqualsSource();
    }

    @Test
    void anIncrementalRunOfAFewRecordsReadsItsFirstPageAsItsCount() {
        // given
        givenSynced(1000);
        for (long id = 10_000; id < 10_030; id++) {
            oracle.store().update(id, Map.of("Name", "Changed"));
        }
        oracle.clearRequests();

        // when
        Map<String, Object> log = runSync();

        // then: one request, the page that also told how many records the window holds
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("sync_type", "INCREMENTAL")
                .containsEntry("updated_records", 30).containsEntry("pages", 1);
        assertThat(requests()).singleElement().satisfies(request -> assertThat(request.query())
                .containsEntry("limit", "100").containsEntry("totalResults", "true"));
        assertTableEqualsSource();
    }

    @Test
    void anIncrementalRunOfManyPagesIsReadInSlices() {
        // given
        givenSynced(3000);
        Instant changes = Instant.now();
        for (long id = 10_000; id < 12_000; id++) {
            oracle.store().put(opportunity(id).name("Changed").lastUpdate(changes.plusMillis(id - 10_000)).build());
        }
        oracle.clearRequests();

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("sync_type", "INCREMENTAL")
                .containsEntry("updated_records", 2000);
        assertThat(requests()).filteredOn(request -> request.q() != null && request.q().contains("LastUpdateDate <"))
                .as("requests of bounded slices").isNotEmpty();
        assertTableEqualsSource();
        assertThat(syncState()).containsEntry("total_records", 3000L);
    }

    /** Records over the last 100 days, from OptyId 10,000 on, read by a FULL run. */
    private void givenSynced(int records) {
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(records).generate(records, 10_000L,
                now.minus(100, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        runSync();
    }

    private static String upperBound(RecordedRequest request) {
        Matcher bound = Pattern.compile("LastUpdateDate < '[^']+'").matcher(request.q() == null ? "" : request.q());
        return bound.find() ? bound.group() : "open end";
    }

    @Test
    void aRetryAfterThatOneSliceGetsHoldsTheRequestsOfEverySlice() {
        // given
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(23).generate(3000, 10_000L,
                now.minus(100, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        oracle.latency(PER_REQUEST, Duration.ZERO);
        AtomicInteger pages = new AtomicInteger();
        AtomicReference<Instant> throttledAt = new AtomicReference<>();
        oracle.onRequest((request, store) -> {
            if (request.param("totalResults") == null && pages.incrementAndGet() == 8) {
                throttledAt.set(request.receivedAt());
                return SimulatedResponse.status(429).header("Retry-After", "1");
            }
            return null;
        });

        // when
        Map<String, Object> log = runSync();

        // then: for the second Oracle asked for, no slice sent a request
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 3000);
        Instant throttled = throttledAt.get();
        assertThat(requests()).filteredOn(request -> request.receivedAt().isAfter(throttled.plusMillis(100))
                        && request.receivedAt().isBefore(throttled.plusMillis(900)))
                .as("requests during the Retry-After").isEmpty();
        assertThat(requests()).filteredOn(request -> request.receivedAt().isAfter(throttled.plusMillis(900)))
                .as("requests after it, of more than one slice")
                .extracting(request -> request.q() == null ? "" : request.q().replaceAll("OptyId > \\d+", ""))
                .hasSizeGreaterThan(4);
        assertTableEqualsSource();
    }
}
