package com.oraclesync.sync;

import static com.oraclesync.simulator.SimulatedResponse.body;
import static com.oraclesync.simulator.SimulatedResponse.html200;
import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.oracle.OracleProperties;
import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.RecordedRequest;
import com.oraclesync.support.PageFaults;
import com.oraclesync.support.SyncTestSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Bodies that are not what they claim: each is a page error, retried like a 5xx, never "zero items". */
@TestPropertySource(properties = {
        "sync.page-size=100",
        "oracle.retry.max-attempts=3"
})
class OracleResponseBodyTest extends SyncTestSupport {

    private static final String COLLECTION_TYPE = "application/vnd.oracle.adf.resourcecollection+json";
    private static final String TRUNCATED = "{\"items\":[{\"OptyId\":300000000000001,\"Name\":\"Cut sh";

    @Autowired
    private OracleProperties oracleProperties;

    private String resource;
    private List<Map<String, Object>> storedBefore;

    @BeforeEach
    void givenAStoredCopyOfThreeHundredRecords() {
        resource = oracleProperties.baseUrl() + "/crmRestApi/resources/latest/opportunities";
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(41).generate(300, 1L,
                now.minus(30, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        runSync();
        storedBefore = storedRows();
        oracle.clearRequests();
        for (long id = 1; id <= 300; id++) {
            oracle.store().update(id, Map.of("Name", "Renamed " + id));
        }
    }

    @Test
    void loginPageWithStatus200FailsTheRunAndKeepsEveryRow() {
        // given: a single sign-on page answers instead of Oracle's REST API
        oracle.onRequest((request, store) -> html200());
        Map<String, Object> before = syncState();

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "FAILED").containsEntry("total_fetched", 0).containsEntry("pages", 0);
        assertThat((String) log.get("error_message")).startsWith(
                "Oracle answered with content type 'text/html; charset=UTF-8' instead of JSON at " + resource
                        + "; an HTML body usually is a single sign-on login page")
                .contains("gave up after 3 attempts");
        assertThat(requests()).hasSize(3);
        assertEveryRowKept();
        assertThat(syncState()).containsEntry("watermark_ts", before.get("watermark_ts"))
                .containsEntry("watermark_id", before.get("watermark_id"));
    }

    @Test
    void truncatedJsonIsRetriedLikeAServerError() {
        // given
        oracle.onRequest(new PageFaults().onPage(2, body(200, COLLECTION_TYPE, TRUNCATED)));

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 300)
                .containsEntry("updated_records", 300);
        assertThat(PageFaults.attemptsPerPage(requests())).extracting(List::size).containsExactly(1, 2, 1);
        assertThat(count("SELECT count(*) FROM opportunities WHERE name LIKE 'Renamed %'")).isEqualTo(300);
    }

    @Test
    void invalidJsonThatPersistsFailsTheRunNamingContentTypeAndUrl() {
        // given
        oracle.onRequest(new PageFaults().fromPage(2, body(200, COLLECTION_TYPE, TRUNCATED)));

        // when
        Map<String, Object> log = runSync();

        // then: page one is committed, page two is an error, not the end of the data
        assertThat(log).containsEntry("status", "FAILED").containsEntry("pages", 1).containsEntry("total_fetched", 100);
        assertThat((String) log.get("error_message")).startsWith("Oracle's response at " + resource
                        + " (content type '" + COLLECTION_TYPE + "') is not a valid JSON page: ")
                .contains("a proxy or a timeout may have cut the body short", "gave up after 3 attempts");
        assertThat(count("SELECT count(*) FROM opportunities WHERE name LIKE 'Renamed %'")).isEqualTo(100);
        assertThat(count("SELECT count(*) FROM opportunities WHERE deleted_at IS NULL")).isEqualTo(300);
        assertThat(syncState()).containsEntry("checkpoint_type", "INCREMENTAL");
    }

    @Test
    void jsonWithoutItemsIsAnErrorNotTheEndOfTheData() {
        // given
        oracle.onRequest(new PageFaults().fromPage(1, body(200, COLLECTION_TYPE, "{\"count\":0,\"hasMore\":false}")));

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "FAILED").containsEntry("total_fetched", 0);
        assertThat((String) log.get("error_message")).startsWith("Oracle answered JSON (content type '"
                + COLLECTION_TYPE + "') without an 'items' array at " + resource);
        assertThat(requests()).extracting(RecordedRequest::q).hasSize(3).containsOnly(requests().get(0).q());
        assertEveryRowKept();
    }

    private void assertEveryRowKept() {
        assertThat(storedRows()).isEqualTo(storedBefore);
    }

    private List<Map<String, Object>> storedRows() {
        return jdbc.sql("SELECT remote_id, name, deal_value, oracle_updated_at, deleted_at FROM opportunities "
                + "ORDER BY remote_id").query().listOfRows();
    }
}
