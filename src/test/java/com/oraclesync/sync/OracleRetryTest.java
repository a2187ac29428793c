package com.oraclesync.sync;

import static com.oraclesync.simulator.SimulatedResponse.delayThenServe;
import static com.oraclesync.simulator.SimulatedResponse.dropConnection;
import static com.oraclesync.simulator.SimulatedResponse.status;
import static com.oraclesync.support.PagingOrder.optyId;
import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.oracle.OracleProperties;
import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.RecordedRequest;
import com.oraclesync.support.PageFaults;
import com.oraclesync.support.PagingOrder;
import com.oraclesync.support.SyncTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {
        "sync.page-size=100",
        "oracle.retry.max-attempts=3",
        "oracle.read-timeout=1s"
})
class OracleRetryTest extends SyncTestSupport {

    private static final String RESOURCE_PATH = "/crmRestApi/resources/latest/opportunities";

    @Autowired
    private OracleProperties oracleProperties;

    private List<Map<String, Object>> source;

    @BeforeEach
    void givenAThousandRecordsInTenPages() {
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(31).generate(1000, 1L,
                now.minus(90, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        source = PagingOrder.sorted(oracle.store().all());
    }

    @Test
    void throttlingAndUnavailableBurstsOnSeveralPagesAreRetriedToACompleteRun() {
        // given
        oracle.onRequest(new PageFaults()
                .onPage(2, status(429).header("Retry-After", "1"))
                .onPage(4, status(503), status(503))
                .onPage(6, status(502), status(504))
                .onPage(8, dropConnection()));

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 1000)
                .containsEntry("new_records", 1000).containsEntry("failed_records", 0).containsEntry("pages", 10)
                .containsEntry("error_message", null);
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(1000);
        assertThat(count("SELECT count(DISTINCT remote_id) FROM opportunities")).isEqualTo(1000);
        assertThat(syncState()).containsEntry("complete", true).containsEntry("checkpoint_type", null)
                .containsEntry("watermark_id", optyId(source.get(999)));
        List<List<RecordedRequest>> attempts = PageFaults.attemptsPerPage(requests());
        assertThat(attempts).extracting(List::size).containsExactly(1, 2, 1, 3, 1, 3, 1, 2, 1, 1);
        List<RecordedRequest> throttled = attempts.get(1);
        assertThat(Duration.between(throttled.get(0).receivedAt(), throttled.get(1).receivedAt()))
                .as("Retry-After: 1 is honoured").isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test
    void serverErrorFromPageSixOnFailsTheRunAndTheNextRunResumesAtPageSix() {
        // given: a complete first run, then 800 records change in Oracle: the next run has 9 pages to read
        runSync();
        Map<String, Object> watermark = watermark();
        for (Map<String, Object> item : source.subList(100, 900)) {
            oracle.store().update(optyId(item), Map.of("Name", "Renamed " + optyId(item)));
        }
        List<Map<String, Object>> changed = PagingOrder.sorted(oracle.store().all()).subList(999 - 800, 1000);
        oracle.clearRequests();
        oracle.onRequest(new PageFaults().fromPage(6, status(500)));

        // when
        Map<String, Object> failed = runSync();

        // then: five pages committed, the sixth tried three times, the watermark where it was
        assertThat(failed).containsEntry("sync_type", "INCREMENTAL").containsEntry("status", "FAILED")
                .containsEntry("pages", 5).containsEntry("total_fetched", 500);
        assertThat((String) failed.get("error_message"))
                .startsWith("Oracle answered HTTP 500 for " + oracleProperties.baseUrl() + RESOURCE_PATH + ":")
                .contains("gave up after 3 attempts", "oracle.retry.max-attempts is 3", "the next run resumes")
                .doesNotContain("?", "limit=", oracleProperties.password());
        assertThat(watermark()).isEqualTo(watermark);
        Map<String, Object> lastOfPageFive = changed.get(499);
        assertThat(syncState()).containsEntry("checkpoint_id", optyId(lastOfPageFive));
        assertThat(PageFaults.attemptsPerPage(requests())).extracting(List::size).containsExactly(1, 1, 1, 1, 1, 3);
        assertThat(count("SELECT count(*) FROM opportunities WHERE name LIKE 'Renamed %'")).isEqualTo(499);

        // when the fault is gone
        oracle.onRequest(null);
        oracle.clearRequests();
        Map<String, Object> resumed = runSync();

        // then: the run starts after page five's last record and reads pages six to nine only
        assertThat(resumed).containsEntry("sync_type", "INCREMENTAL").containsEntry("status", "SUCCESS")
                .containsEntry("total_fetched", 301).containsEntry("updated_records", 301);
        assertThat(requests()).hasSize(4);
        assertThat(requests().get(0).q()).contains("OptyId > " + optyId(lastOfPageFive))
                .contains(((String) lastOfPageFive.get("LastUpdateDate")).substring(0, 23));
        assertThat(count("SELECT count(*) FROM opportunities WHERE name LIKE 'Renamed %'")).isEqualTo(800);
        assertThat(count("SELECT count(DISTINCT remote_id) FROM opportunities")).isEqualTo(1000);
        assertThat(syncState()).containsEntry("checkpoint_type", null)
                .containsEntry("watermark_id", optyId(changed.get(changed.size() - 1)));
    }

    @Test
    void unavailableThatLastsIsSentExactlyMaxAttemptsTimes() {
        // given: from the second page on, Oracle answers 503 with a Retry-After
        oracle.onRequest(new PageFaults().fromPage(2, status(503).header("Retry-After", "1")));

        // when
        Map<String, Object> failed = runSync();

        // then: every retry is the route's own, none is repeated by the HTTP client behind its back
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("pages", 1);
        assertThat((String) failed.get("error_message")).contains("gave up after 3 attempts");
        assertThat(PageFaults.attemptsPerPage(requests())).extracting(List::size).containsExactly(1, 3);
    }

    @Test
    void readTimeoutIsRetriedWithTheSameQuery() {
        // given
        oracle.onRequest(new PageFaults().onPage(3, delayThenServe(Duration.ofSeconds(3))));

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 1000);
        assertThat(count("SELECT count(DISTINCT remote_id) FROM opportunities")).isEqualTo(1000);
        List<List<RecordedRequest>> attempts = PageFaults.attemptsPerPage(requests());
        assertThat(attempts).extracting(List::size).containsExactly(1, 1, 2, 1, 1, 1, 1, 1, 1, 1);
    }

    @Test
    void readTimeoutsThatPersistFailTheRunWithWhatToCheck() {
        // given
        oracle.onRequest(new PageFaults().fromPage(2, delayThenServe(Duration.ofSeconds(3))));

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "FAILED").containsEntry("pages", 1).containsEntry("total_fetched", 100);
        assertThat((String) log.get("error_message"))
                .startsWith("Oracle did not answer within oracle.read-timeout at " + oracleProperties.baseUrl()
                        + RESOURCE_PATH)
                .contains("raise ORACLE_READ_TIMEOUT or lower SYNC_PAGE_SIZE", "gave up after 3 attempts");
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(100);
        assertThat(syncState()).containsEntry("checkpoint_id", optyId(source.get(99)));
        assertThat(requests()).hasSize(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "401 | Oracle rejected the credentials (HTTP 401) | check ORACLE_USER / ORACLE_PASS",
            "403 | Oracle refused access (HTTP 403) | the integration user needs a role that can read opportunities",
            "404 | Oracle has no such resource (HTTP 404) | check ORACLE_BASE_URL and ORACLE_API_VERSION"
    })
    void clientErrorFailsTheRunAtOnceWithoutRetriesAndTouchesNoRow(int status, String what, String toCheck) {
        // given: a complete first run, then Oracle refuses every request
        runSync();
        Map<String, Object> watermark = watermark();
        oracle.store().update(optyId(source.get(0)), Map.of("Name", "Changed after the first run"));
        oracle.clearRequests();
        oracle.onRequest((request, store) -> status(status));

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "FAILED").containsEntry("pages", 0).containsEntry("total_fetched", 0);
        assertThat((String) log.get("error_message"))
                .isEqualTo(what + " for " + oracleProperties.baseUrl() + RESOURCE_PATH + "; " + toCheck)
                .doesNotContain(oracleProperties.password());
        assertThat(requests()).hasSize(1);
        assertThat(count("SELECT count(*) FROM opportunities WHERE deleted_at IS NULL")).isEqualTo(1000);
        assertThat(row(optyId(source.get(0))).orElseThrow().get("name")).isEqualTo(source.get(0).get("Name"));
        assertThat(watermark()).isEqualTo(watermark);
    }

    private Map<String, Object> watermark() {
        return jdbc.sql("SELECT watermark_ts, watermark_id FROM sync_state").query().singleRow();
    }
}
