package com.oraclesync.security;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.oraclesync.simulator.OracleSimulator;
import com.oraclesync.simulator.SimulatedResponse;
import com.oraclesync.support.ApiClient;
import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.SyncIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole service against an Oracle with a known password and a database with a known password, and no API
 * password configured: every line it logs from start-up on, and every answer it gives, is searched for them.
 */
@SyncIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability
@DisableJmx(false)
@TestPropertySource(properties = "logging.level.org.apache.camel=DEBUG")
class SecretsStayOutOfLogsTest {

    private static final String ORACLE_USER = "integration.user";
    private static final String ORACLE_PASSWORD = "Oracle-Pa55-7f1c9e";
    private static final String DATABASE_PASSWORD = "Db-Pa55-92ab4d";
    private static final OracleSimulator ORACLE = OracleSimulator.start(0, ORACLE_USER, ORACLE_PASSWORD);
    private static final Pattern GENERATED = Pattern.compile("generated the password of API user 'admin' for this run: (\\S+) ");

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void knownSecrets(DynamicPropertyRegistry registry) {
        // demo mode was chosen before these apply: turn it off, this test brings its own Oracle
        registry.add("oracle.demo-mode", () -> "false");
        registry.add("oracle.base-url", () -> ORACLE.baseUrl().toString());
        registry.add("oracle.user", () -> ORACLE_USER);
        registry.add("oracle.password", () -> ORACLE_PASSWORD);
        registry.add("spring.datasource.password", () -> DATABASE_PASSWORD);
        registry.add("api.password", () -> "");
    }

    @AfterAll
    static void stopOracle() {
        ORACLE.close();
    }

    @Test
    void theOracleAndDatabasePasswordsAppearInNoLogLineAnswerOrMetric(CapturedOutput output) {
        // given: the password generated at start-up, logged once
        Matcher generated = GENERATED.matcher(output.getOut());
        assertThat(generated.find()).as("the generated API password is logged").isTrue();
        String apiPassword = generated.group(1);
        assertThat(output.getOut().split(Pattern.quote(apiPassword), -1)).as("logged once").hasSize(2);
        ApiClient api = new ApiClient(port).as(ApiClient.USER, apiPassword);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (long id = 1; id <= 30; id++) {
            ORACLE.store().put(opportunity(id).lastUpdate(now.minus(id, ChronoUnit.MINUTES)).build());
        }
        ORACLE.store().put(opportunity(99L).with("Revenue", "not a number").build());

        // when: a run that stores, a run that Oracle refuses, a run that gets a login page
        List<Response> answers = new ArrayList<>();
        answers.add(runAndWait(api, "/api/sync"));
        ORACLE.onRequest((request, store) -> SimulatedResponse.status(401));
        answers.add(runAndWait(api, "/api/sync?mode=full"));
        ORACLE.onRequest((request, store) -> SimulatedResponse.html200());
        answers.add(runAndWait(api, "/api/sync-database"));
        ORACLE.onRequest(null);
        for (String path : List.of("/api/sync/status", "/api/sync/history?limit=100", "/api/sync/errors?run=1",
                "/api/opportunities?limit=1000", "/actuator/prometheus", "/actuator/health",
                "/actuator/jolokia/search/org.apache.camel:*",
                "/actuator/jolokia/read/org.apache.camel:context=*,type=endpoints,name=*",
                "/actuator/jolokia/read/org.apache.camel:context=*,type=components,name=*",
                "/actuator/jolokia/exec/com.oraclesync:type=SyncControl,name=opportunities/status")) {
            answers.add(api.get(path));
        }

        // then
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isIn(200, 202));
        String history = answers.get(4).body();
        assertThat(history).contains("\"status\":\"PARTIAL\"")
                .contains("Oracle rejected the credentials (HTTP 401)")
                .contains("check ORACLE_USER / ORACLE_PASS");
        assertThat(answers.get(7).body()).contains("oracle_sync_records_fetched_total");
        String basicCredentials = Base64.getEncoder()
                .encodeToString((ORACLE_USER + ":" + ORACLE_PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String secret : List.of(ORACLE_PASSWORD, DATABASE_PASSWORD, basicCredentials)) {
            assertThat(output.getAll()).as("log output").doesNotContain(secret);
            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.body()).doesNotContain(secret);
                assertThat(answer.headers().map().toString()).doesNotContain(secret);
            });
        }
        assertThat(output.getOut()).contains("Sync 1 PARTIAL").contains("Sync 2 FAILED").contains("Sync 3 FAILED");
    }

    private static Response runAndWait(ApiClient api, String trigger) {
        Response started = api.post(trigger);
        assertThat(started.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.get("/api/sync/status").json().get("running").asBoolean());
        return started;
    }
}
