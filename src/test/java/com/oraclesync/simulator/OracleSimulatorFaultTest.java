package com.oraclesync.simulator;

import static com.oraclesync.simulator.OpportunityFixture.opportunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OracleSimulatorFaultTest {

    private static final Instant EDITED_AT = Instant.parse("2024-05-02T10:15:30.456Z");

    private static OracleSimulator simulator;
    private SimulatorClient client;

    @BeforeAll
    static void startSimulator() {
        simulator = OracleSimulator.start(0, "integration", "s3cret");
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void givenThreeOpportunities() {
        simulator.store().clear();
        simulator.store().setClock(Clock.fixed(EDITED_AT, ZoneOffset.UTC));
        simulator.store().putAll(List.of(opportunity(1).build(), opportunity(2).build(), opportunity(3).build()));
        simulator.clearRequests();
        simulator.onRequest(null);
        client = new SimulatorClient(simulator, "integration", "s3cret");
    }

    @Test
    void hookEditsTheStoreBetweenTwoRequests() {
        simulator.onRequest((request, store) -> {
            if (request.index() == 1) {
                store.update(2, Map.of("Name", "Renamed by a sales rep"));
            }
            return null;
        });

        SimulatorClient.Response before = client.get(SimulatorClient.COLLECTION + "/2?onlyData=true&fields=Name,LastUpdateDate");
        SimulatorClient.Response after = client.get(SimulatorClient.COLLECTION + "/2?onlyData=true&fields=Name,LastUpdateDate");

        assertThat(before.body()).isEqualTo(
                "{\"Name\":\"Deal 2\",\"LastUpdateDate\":\"2024-01-16T13:08:00.123+00:00\"}");
        assertThat(after.body()).isEqualTo(
                "{\"Name\":\"Renamed by a sales rep\",\"LastUpdateDate\":\"2024-05-02T10:15:30.456+00:00\"}");
    }

    @Test
    void hookSeesTheRecordedRequestAndIsReplacedByTheNextOne() {
        simulator.onRequest((request, store) -> SimulatedResponse.status(500));
        simulator.onRequest((request, store) -> request.offset() != null && request.offset() == 2
                ? SimulatedResponse.status(503) : null);

        SimulatorClient.Response first = client.collection("offset", "0", "onlyData", "true");
        SimulatorClient.Response second = client.collection("offset", "2", "onlyData", "true");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(503);
        assertThat(simulator.requests()).extracting(RecordedRequest::offset).containsExactly(0, 2);
    }

    @Test
    void statusFaultSendsOracleErrorBodyAndRetryAfter() {
        simulator.onRequest((request, store) -> SimulatedResponse.status(429).header("Retry-After", "3"));

        SimulatorClient.Response response = client.collection();

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("3");
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.body()).isEqualTo("{\"title\":\"Too Many Requests\",\"status\":429}");
    }

    @Test
    void html200FaultSendsALoginPageWithStatus200() {
        simulator.onRequest((request, store) -> SimulatedResponse.html200());

        SimulatorClient.Response response = client.collection();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(response.body()).startsWith("<!DOCTYPE html>").contains("<form", "Sign In");
    }

    @Test
    void bodyFaultSendsTheTruncatedJsonAsGiven() {
        String truncated = "{\"items\":[{\"OptyId\":1,\"Name\":\"Deal";
        simulator.onRequest((request, store) -> SimulatedResponse.body(200,
                "application/vnd.oracle.adf.resourcecollection+json", truncated));

        SimulatorClient.Response response = client.collection();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(truncated);
    }

    @Test
    void delayFaultTripsTheClientsReadTimeout() {
        simulator.onRequest((request, store) -> SimulatedResponse.delayThenServe(Duration.ofSeconds(2)));

        assertThatThrownBy(() -> client.withTimeout(Duration.ofMillis(150)).send(SimulatorClient.COLLECTION))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void delayFaultThenServesTheRequestNormally() {
        simulator.onRequest((request, store) -> SimulatedResponse.delayThenServe(Duration.ofMillis(200)));
        long startedAt = System.nanoTime();

        SimulatorClient.Response response = client.collection("onlyData", "true");

        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.optyIds()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void dropFaultClosesTheConnectionWithoutAResponse() {
        simulator.onRequest((request, store) -> SimulatedResponse.dropConnection());

        assertThatThrownBy(() -> client.send(SimulatorClient.COLLECTION)).isInstanceOf(IOException.class);
        assertThat(simulator.requests()).isNotEmpty();
    }

    @Test
    void unauthenticatedRequestsAreRecordedButNeverReachTheHook() {
        simulator.onRequest((request, store) -> SimulatedResponse.status(500));

        SimulatorClient.Response response = client.withAuthorization(null).collection();

        assertThat(response.status()).isEqualTo(401);
        assertThat(simulator.requests()).hasSize(1);
    }

    @Test
    void failingHookAnswers500NamingTheFailure() {
        simulator.onRequest((request, store) -> {
            throw new IllegalStateException("hook bug");
        });

        SimulatorClient.Response response = client.collection();

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().get("detail").asText())
                .isEqualTo("Simulator failure: java.lang.IllegalStateException: hook bug");
    }
}
