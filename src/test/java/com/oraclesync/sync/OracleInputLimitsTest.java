package com.oraclesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.SimulatedResponse;
import com.oraclesync.support.OracleBodies;
import com.oraclesync.support.PageFaults;
import com.oraclesync.support.SyncTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.TestPropertySource;
import java.util.stream.Stream;

/**
 * Oracle pages beyond the input limits (oracle.limits.*): each fails its request at once, without retries, with a
 * message naming the limit and its setting; the run ends FAILED, the checkpoint stays, and the next run resumes.
 */
@TestPropertySource(properties = {
        "sync.page-size=10",
        "oracle.limits.request-deadline=2s"
})
class OracleInputLimitsTest extends SyncTestSupport {

    private static final int RECORDS = 30;

    @BeforeEach
    void givenThirtyRecordsInOracle() {
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(17).generate(RECORDS, 1L, now.minus(10, ChronoUnit.DAYS),
                now.minus(1, ChronoUnit.DAYS)));
    }

    static Stream<Arguments> responsesBeyondALimit() {
        return Stream.of(
                Arguments.of("a 100 MB page", OracleBodies.pageOfBytes(100L * 1024 * 1024),
                        "is larger than oracle.limits.max-page-bytes (67108864 bytes)", "ORACLE_MAX_PAGE_BYTES"),
                Arguments.of("a 25-million-character string", OracleBodies.pageWithStringOf(25_000_000),
                        "holds a string longer than oracle.limits.max-string-length (20000000 characters)",
                        "ORACLE_MAX_STRING_LENGTH"),
                Arguments.of("nesting 2,000 deep", OracleBodies.pageNested(2_000),
                        "holds JSON nested deeper than oracle.limits.max-nesting-depth (500 levels)",
                        "ORACLE_MAX_NESTING_DEPTH"),
                Arguments.of("a slow drip", OracleBodies.drip(Duration.ofMillis(50)),
                        "did not arrive in full within oracle.limits.request-deadline (PT2S)", "ORACLE_REQUEST_DEADLINE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responsesBeyondALimit")
    void aResponseBeyondALimitFailsTheRunOnceAndTheNextRunResumesFromTheCheckpoint(
            String what, SimulatedResponse fault, String limit, String setting) {
        // given: the second page is beyond a limit
        oracle.onRequest(new PageFaults().onPage(2, fault));

        // when
        Map<String, Object> failed = runSync();
        Map<String, Object> checkpoint = syncState();
        int requestsOfTheFailedRun = requests().size();
        oracle.onRequest(null);
        oracle.clearRequests();
        Map<String, Object> resumed = runSync();

        // then
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("pages", 1).containsEntry("total_fetched", 10);
        assertThat((String) failed.get("error_message")).contains(limit).contains(setting)
                .contains("resumes from the checkpoint").doesNotContain("gave up after");
        assertThat(requestsOfTheFailedRun).as("page 2 asked for once, not retried").isEqualTo(2);
        assertThat(checkpoint.get("checkpoint_id")).isNotNull();
        assertThat(resumed).containsEntry("status", "SUCCESS").containsEntry("total_fetched", RECORDS - 10);
        assertThat(requests().get(0).q()).contains("OptyId >");
        assertThat(count("SELECT count(DISTINCT remote_id) FROM opportunities")).isEqualTo(RECORDS);
    }
}
