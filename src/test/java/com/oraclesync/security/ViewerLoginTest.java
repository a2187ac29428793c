package com.oraclesync.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.oraclesync.support.ApiClient;
import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.ApiTestSupport;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

/** The read-only login (SYNC_VIEWER_USER / SYNC_VIEWER_PASSWORD), and what health shows with and without a login. */
@AutoConfigureObservability
@TestPropertySource(properties = {"api.viewer.user=" + ViewerLoginTest.VIEWER,
        "api.viewer.password=" + ViewerLoginTest.PASSWORD})
class ViewerLoginTest extends ApiTestSupport {

    static final String VIEWER = "prometheus";
    static final String PASSWORD = "viewer-pa55-c81d";

    @Test
    void theViewerReadsStatusHistoryErrorsDataAndMetrics() {
        // given
        ApiClient viewer = api.as(VIEWER, PASSWORD);
        runSync();

        // when / then
        for (String path : List.of("/api/sync/status", "/api/sync/history", "/api/sync-status", "/api/sync-history",
                "/api/sync/errors", "/api/opportunities", "/actuator/prometheus", "/actuator/info")) {
            assertThat(viewer.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(viewer.get("/actuator/prometheus").body()).contains("oracle_sync_running");
    }

    @Test
    void theViewerGets403OnTriggersHawtioAndJolokiaAndStartsNothing() {
        // given
        ApiClient viewer = api.as(VIEWER, PASSWORD);

        // when
        List<Response> answers = List.of(viewer.post("/api/sync"), viewer.post("/api/sync?mode=full"),
                viewer.post("/api/sync-database"), viewer.get("/actuator/hawtio/"), viewer.get("/actuator/jolokia/version"),
                viewer.send(viewer.builder("/actuator/jolokia").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"exec\",\"mbean\":"
                                + "\"com.oraclesync:type=SyncControl,name=opportunities\",\"operation\":\"startFullSync\"}"))),
                viewer.get("/actuator"));

        // then
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(403));
        assertThat(count("SELECT count(*) FROM sync_logs")).isZero();
    }

    @Test
    void theViewersWrongPasswordIs401AndTheOperatorKeepsEverything() {
        // when / then
        assertThat(api.as(VIEWER, "wrong").get("/api/sync/status").status()).isEqualTo(401);
        assertThat(api.as(VIEWER, ApiClient.PASSWORD).get("/api/sync/status").status()).isEqualTo(401);
        assertThat(api.get("/actuator/hawtio/").status()).isEqualTo(200);
        assertThat(api.get("/actuator/jolokia/version").status()).isEqualTo(200);
        Response trigger = api.post("/api/sync");
        assertThat(trigger.status()).isEqualTo(202);
        awaitRunEnded(trigger.json().get("sync_log_id").asLong());
    }

    @Test
    void anonymousHealthAnswersTheStatusOnlyAndALoginSeesTheDetails() {
        // when
        Response anonymous = api.anonymous().get("/actuator/health");
        JsonNode asViewer = api.as(VIEWER, PASSWORD).get("/actuator/health").json();
        JsonNode asOperator = api.get("/actuator/health").json();

        // then
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().properties()).extracting(java.util.Map.Entry::getKey).containsExactly("status");
        assertThat(api.anonymous().get("/actuator/health/db").status()).isEqualTo(404);
        for (JsonNode health : List.of(asViewer, asOperator)) {
            assertThat(health.get("components").has("db")).isTrue();
            assertThat(health.get("components").has("syncFreshness")).isTrue();
            assertThat(health.get("components").get("db").has("details")).isTrue();
        }
    }
}
