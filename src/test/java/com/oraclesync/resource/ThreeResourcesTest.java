package com.oraclesync.resource;

import static com.oraclesync.support.Opportunities.opportunity;
import static com.oraclesync.support.Parties.account;
import static com.oraclesync.support.Parties.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.oraclesync.simulator.SimulatedResponse;
import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.ApiTestSupport;
import com.oraclesync.support.OracleGate;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

/** Opportunities, accounts and contacts in one service: each its own sync, with states, logs and errors apart. */
@AutoConfigureObservability
@TestPropertySource(properties = "sync.enabled=opportunities,accounts,contacts")
class ThreeResourcesTest extends ApiTestSupport {

    @BeforeEach
    void givenOracleHasAllThree() {
        jdbc.sql("TRUNCATE accounts, contacts RESTART IDENTITY").update();
        oracle.store("accounts").clear();
        oracle.store("contacts").clear();
        LongStream.rangeClosed(1, 5).forEach(id -> oracle.store().put(opportunity(id).build()));
        LongStream.rangeClosed(11, 17).forEach(id -> oracle.store("accounts").put(account(id).build()));
        LongStream.rangeClosed(21, 24).forEach(id -> oracle.store("contacts").put(contact(id, 11).build()));
    }

    @Test
    void eachResourceSyncsIntoItsOwnTableWithItsOwnStateLogAndErrors() throws Exception {
        // given: one account that cannot be stored
        oracle.store("accounts").put(account(18).with("OwnerPartyId", "n/a").build());

        // when
        for (String sync : List.of("opportunities", "accounts", "contacts")) {
            producer.sendBodyAndHeaders("direct:sync-" + sync, null, Map.of("syncMode", "AUTO", "syncTrigger", "SCHEDULE"));
        }

        // then: a log per sync, each with its own counts
        assertThat(lastLog("opportunities")).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 5);
        assertThat(lastLog("accounts")).containsEntry("status", "PARTIAL").containsEntry("total_fetched", 8)
                .containsEntry("failed_records", 1).containsEntry("new_records", 7);
        assertThat(lastLog("contacts")).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 4);
        assertThat(jdbc.sql("SELECT sync_name, watermark_id FROM sync_state ORDER BY sync_name")
                .query((rs, row) -> rs.getString(1) + "=" + rs.getLong(2)).list())
                .containsExactly("oracle_accounts=" + newestKey("accounts"), "oracle_contacts=" + newestKey("contacts"),
                        "oracle_opportunities=" + newestKey("opportunities"));
        assertThat(jdbc.sql("SELECT sync_name, remote_id FROM sync_errors").query().listOfRows())
                .containsExactly(Map.of("sync_name", "accounts", "remote_id", "18"));
        Map<String, Object> account = jdbc.sql("SELECT * FROM accounts WHERE remote_id = 12").query().singleRow();
        assertThat(account).containsEntry("party_number", "CDRM_12").containsEntry("name", "Account 12")
                .containsEntry("owner_party_id", 100000001L).containsEntry("account_type", "ZCA_CUSTOMER");
        assertThat(count("SELECT count(*) FROM contacts WHERE account_party_id = 11")).isEqualTo(4);

        // and the API, JMX and metrics tell them apart
        JsonNode syncs = api.get("/api/syncs").json();
        assertThat(StreamSupport.stream(syncs.spliterator(), false).map(sync -> sync.get("name").asText() + ":"
                + sync.get("last_run").get("status").asText()))
                .containsExactly("opportunities:SUCCESS", "accounts:PARTIAL", "contacts:SUCCESS");
        JsonNode status = api.get("/api/sync/status?sync=accounts").json();
        assertThat(status.get("watermark").get("party_id").asLong()).isEqualTo(newestKey("accounts"));
        assertThat(status.get("total_records").asLong()).isEqualTo(7);
        assertThat(api.get("/api/sync/errors?sync=accounts").json().get("items").get(0).get("reason").asText())
                .isEqualTo("OwnerPartyId not a valid integer (value: 'n/a')");
        assertThat(api.get("/api/sync/history?sync=contacts").json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/data/contacts/22").json().get("email").asText()).isEqualTo("contact22@example.com");
        assertThat(api.get("/api/data/accounts?limit=2").json().get("total").asLong()).isEqualTo(7);
        assertThat(ManagementFactory.getPlatformMBeanServer()
                .isRegistered(new ObjectName("com.oraclesync:type=SyncControl,name=contacts"))).isTrue();
        assertThat(api.get("/actuator/prometheus").body())
                .containsPattern("oracle_sync_records_fetched_total\\{application=\"oracle-sync\",mode=\"sync\",sync=\"accounts\"} [1-9]")
                .contains("oracle_sync_running{application=\"oracle-sync\",sync=\"contacts\"} 0.0");
    }

    @Test
    void anUnknownSyncNameAnswers400NamingTheKnownOnes() {
        // when
        Response response = api.post("/api/sync?sync=leads");

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("parameter").asText()).isEqualTo("sync");
        assertThat(response.json().get("error").asText())
                .isEqualTo("sync must be one of opportunities, accounts, contacts (was 'leads')");
        assertThat(api.get("/api/data/leads").status()).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM sync_logs")).isZero();
    }

    @Test
    void aResourceOracleFailsLeavesTheOthersSuccessful() {
        // given: Oracle answers 500 for accounts only
        oracle.onRequest((request, store) -> request.path().endsWith("/accounts") ? SimulatedResponse.status(500) : null);

        // when
        for (String sync : List.of("opportunities", "accounts", "contacts")) {
            producer.sendBodyAndHeaders("direct:sync-" + sync, null, Map.of("syncMode", "AUTO", "syncTrigger", "SCHEDULE"));
        }

        // then
        assertThat(lastLog("accounts")).containsEntry("status", "FAILED");
        assertThat((String) lastLog("accounts").get("error_message")).startsWith("Oracle answered HTTP 500 for ")
                .contains("/crmRestApi/resources/latest/accounts");
        assertThat(lastLog("opportunities")).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 5);
        assertThat(lastLog("contacts")).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 4);
        assertThat(count("SELECT count(*) FROM accounts")).isZero();
    }

    @Test
    void twoResourcesRunAtOnceWhileASecondTriggerOfEitherAnswers409() throws Exception {
        // given: Oracle holds every request, so both runs stay in progress
        OracleGate gate = holdOracleAfter(0);

        // when
        Response opportunities = api.post("/api/sync?sync=opportunities");
        Response accounts = api.post("/api/sync?sync=accounts");
        gate.awaitHeld();
        await().atMost(Duration.ofSeconds(10)).until(() -> oracle.requests().size() >= 2);
        Response opportunitiesAgain = api.post("/api/sync");
        Response accountsAgain = api.post("/api/sync?sync=accounts");

        // then
        assertThat(opportunities.status()).isEqualTo(202);
        assertThat(accounts.status()).isEqualTo(202);
        assertThat(accounts.json().get("status_url").asText()).isEqualTo("/api/sync/status?sync=accounts");
        assertThat(StreamSupport.stream(api.get("/api/syncs").json().spliterator(), false)
                .map(sync -> sync.get("name").asText() + ":" + sync.get("running").asBoolean()))
                .containsExactly("opportunities:true", "accounts:true", "contacts:false");
        assertThat(opportunitiesAgain.status()).isEqualTo(409);
        assertThat(opportunitiesAgain.json().get("running_sync_log_id").asLong())
                .isEqualTo(opportunities.json().get("sync_log_id").asLong());
        assertThat(accountsAgain.status()).isEqualTo(409);
        assertThat(accountsAgain.json().get("running_sync_log_id").asLong())
                .isEqualTo(accounts.json().get("sync_log_id").asLong());

        // when Oracle answers again
        gate.open();

        // then
        assertThat(awaitRunEnded(opportunities.json().get("sync_log_id").asLong())).containsEntry("status", "SUCCESS");
        assertThat(awaitRunEnded(accounts.json().get("sync_log_id").asLong())).containsEntry("status", "SUCCESS")
                .containsEntry("total_fetched", 7);
        assertThat(count("SELECT count(*) FROM sync_logs")).isEqualTo(2);
    }

    private Map<String, Object> lastLog(String sync) {
        return jdbc.sql("SELECT * FROM sync_logs WHERE sync_name = :sync ORDER BY id DESC LIMIT 1").param("sync", sync)
                .query().singleRow();
    }

    private long newestKey(String resource) {
        String keyField = resource.equals("opportunities") ? "OptyId" : "PartyId";
        return oracle.store(resource).all().stream()
                .filter(item -> !"n/a".equals(item.get("OwnerPartyId")))
                .max((a, b) -> {
                    int byTime = ((String) a.get("LastUpdateDate")).compareTo((String) b.get("LastUpdateDate"));
                    return byTime != 0 ? byTime : Long.compare((Long) a.get(keyField), (Long) b.get(keyField));
                })
                .map(item -> (Long) item.get(keyField)).orElseThrow();
    }
}
