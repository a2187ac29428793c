package com.oraclesync.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.ApiTestSupport;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page on another site makes the operator's browser post a form with the Basic credentials it has cached: refused
 * before anything starts. A program (curl, a scheduler) sends no Sec-Fetch-Site and keeps working.
 */
class CrossSiteRequestTest extends ApiTestSupport {

    private static final String JOLOKIA_EXEC = "{\"type\":\"exec\",\"mbean\":"
            + "\"com.oraclesync:type=SyncControl,name=opportunities\",\"operation\":\"startFullSync\"}";

    @Test
    void triggersStartedByAnotherSiteAreRefusedAndStartNothing() {
        // when
        List<Response> answers = List.of(
                fromSite("cross-site", api.builder("/api/sync?mode=full").POST(HttpRequest.BodyPublishers.noBody())),
                fromSite("same-site", api.builder("/api/sync-database").POST(HttpRequest.BodyPublishers.noBody())),
                fromSite("cross-site", api.builder("/actuator/jolokia").header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(JOLOKIA_EXEC))));

        // then
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body()).contains("started by another site is refused");
        });
        assertThat(count("SELECT count(*) FROM sync_logs")).isZero();
    }

    @Test
    void theSameRequestsFromTheSameOriginOrAProgramAreServed() {
        // when
        Response program = api.post("/api/sync");
        awaitRunEnded(program.json().get("sync_log_id").asLong());
        Response sameOrigin = fromSite("same-origin", api.builder("/api/sync").POST(HttpRequest.BodyPublishers.noBody()));

        // then
        assertThat(program.status()).isEqualTo(202);
        assertThat(sameOrigin.status()).isEqualTo(202);
        assertThat(fromSite("cross-site", api.builder("/api/sync/status")).status()).isEqualTo(200);
    }

    private Response fromSite(String site, HttpRequest.Builder request) {
        return api.send(request.header("Sec-Fetch-Site", site).header("Origin", "https://elsewhere.example"));
    }
}
