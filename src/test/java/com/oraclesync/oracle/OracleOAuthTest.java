package com.oraclesync.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.simulator.RecordedRequest;
import com.oraclesync.simulator.SimulatedResponse;
import com.oraclesync.simulator.TokenEndpoint;
import com.oraclesync.simulator.TokenRequest;
import com.oraclesync.support.ApiClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code ORACLE_AUTH=oauth2} with the client-credentials grant, against the simulator's token endpoint: Oracle sees
 * only bearer tokens, which are cached, renewed before they expire and when Oracle refuses them, and never leak.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability
@DisableJmx(false)
@TestPropertySource(properties = {
        "oracle.auth=oauth2",
        "oracle.oauth.token-url=${oracle.base-url}" + TokenEndpoint.PATH,
        "oracle.oauth.client-id=" + OracleOAuthTest.CLIENT_ID,
        "oracle.oauth.client-secret=" + OracleOAuthTest.CLIENT_SECRET,
        "oracle.oauth.scope=" + OracleOAuthTest.SCOPE,
        "sync.page-size=100"
})
class OracleOAuthTest extends OracleOAuthTestSupport {

    static final String CLIENT_ID = "oracle-sync-test";
    static final String CLIENT_SECRET = "Cl1ent-S3cret-5d2e8a";
    static final String SCOPE = "urn:opc:resource:fa:instanceid=123456urn:opc:resource:consumer::all";

    @LocalServerPort
    private int port;

    @BeforeEach
    void theConfidentialApplication() {
        givenTheApplication(CLIENT_ID, CLIENT_SECRET);
    }

    @Test
    void aRunSendsOneCachedBearerTokenWithEveryPageRequest() {
        // given: 350 records, four pages
        givenOracleHas(350);

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 350);
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(350);
        assertThat(requests()).hasSizeGreaterThanOrEqualTo(4).extracting(RecordedRequest::authScheme).containsOnly("Bearer");
        assertThat(oracle.tokens().requests()).singleElement().satisfies(token -> {
            assertThat(token.grantType()).isEqualTo("client_credentials");
            assertThat(token.clientId()).isEqualTo(CLIENT_ID);
            assertThat(token.scope()).isEqualTo(SCOPE);
            assertThat(token.status()).isEqualTo(200);
        });
    }

    @Test
    void aTokenCloseToItsExpiryIsRenewedBeforeItIsSent() {
        // given: tokens that live 30 s, less than oracle.oauth.renew-before (60 s): each is too old as soon as it is had
        oracle.tokens().tokenLifetime(Duration.ofSeconds(30));
        givenOracleHas(350);

        // when
        Map<String, Object> log = runSync();

        // then: a new token for every page request, and Oracle refused none
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 350);
        assertThat(oracle.tokens().requests()).hasSize(requests().size()).allSatisfy(token ->
                assertThat(token.status()).isEqualTo(200));
        assertThat(oracle.tokens().issuedTokens()).hasSize(requests().size());
    }

    @Test
    void aTokenThatOracleExpiresEarlyIsRenewedOnceAndTheRunGoesOn() {
        // given: after the second page request, every token issued so far ends
        givenOracleHas(350);
        oracle.onRequest((request, store) -> {
            if (request.index() == 1) {
                oracle.tokens().expireAll();
            }
            return null;
        });

        // when
        Map<String, Object> log = runSync();

        // then: the third request was refused once, sent again with a new token, and the run never noticed
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 350);
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(350);
        assertThat(oracle.tokens().requests()).hasSize(2);
        assertThat(requests().get(2).q()).isEqualTo(requests().get(3).q());
    }

    @Test
    void aWrongClientSecretFailsTheRunAtOnceNamingTheTokenEndpoint() {
        // given
        oracle.tokens().acceptClient(CLIENT_ID, "the-secret-of-another-application");
        givenOracleHas(10);

        // when
        String message = runSyncRefusedByTheTokenEndpoint(401);

        // then
        assertThat(message).contains("HTTP 401 invalid_client: Client authentication failed")
                .contains("ORACLE_OAUTH_CLIENT_SECRET").doesNotContain(CLIENT_SECRET);
    }

    @Test
    void aTokenEndpointThatIsDownIsRetriedLikeOracle() {
        // given: the identity domain answers 503 twice
        oracle.tokens().faults().failNext(2, 503);
        givenOracleHas(50);

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 50);
        assertThat(oracle.tokens().requests()).extracting(TokenRequest::status).containsExactly(503, 503, 200);
    }

    @Test
    void aTokenEndpointThatAsksToWaitIsRetriedAfterItsRetryAfter() {
        // given: the identity domain answers 429 once, asking for 2 s (the back-off alone would wait some 20 ms)
        oracle.tokens().faults().failNext(1, 429, Duration.ofSeconds(2));
        givenOracleHas(50);

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 50);
        List<TokenRequest> tokenRequests = oracle.tokens().requests();
        assertThat(tokenRequests).extracting(TokenRequest::status).containsExactly(429, 200);
        assertThat(Duration.between(tokenRequests.get(0).receivedAt(), tokenRequests.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aTokenEndpointThatStaysDownFailsTheRunNamingIt() {
        // given: down for longer than oracle.retry.max-attempts (6)
        oracle.tokens().faults().failNext(100, 503);
        givenOracleHas(50);

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "FAILED");
        assertThat((String) log.get("error_message"))
                .startsWith("The OAuth 2.0 token endpoint " + oracle.baseUrl() + TokenEndpoint.PATH + " answered HTTP 503")
                .contains("the next run resumes from the checkpoint").contains("6 attempts");
        assertThat(oracle.tokens().requests()).hasSize(6);
    }

    @Test
    void aTokenAnswerLargerThanItsLimitFailsTheRunAtOnceNamingTheTokenEndpoint() {
        // given: the identity domain (or a proxy in front of it) answers with 8 MiB
        oracle.tokens().faults().oversizeNext(10, 8 * 1024 * 1024);
        givenOracleHas(50);

        // when
        Map<String, Object> log = runSync();

        // then: read no further than the limit, not retried, and Oracle never asked
        assertThat(log).containsEntry("status", "FAILED");
        assertThat((String) log.get("error_message"))
                .startsWith("The answer of the OAuth 2.0 token endpoint " + oracle.baseUrl() + TokenEndpoint.PATH
                        + " is larger than the limit of a token answer (1048576 bytes)")
                .contains("ORACLE_OAUTH_TOKEN_URL");
        assertThat(oracle.tokens().requests()).hasSize(1);
        assertThat(requests()).isEmpty();
    }

    @Test
    void aTokenThatOracleRefusesEvenWhenNewFailsTheRunNamingTheTokenEndpoint() {
        // given: Oracle answers 401 whatever the token
        givenOracleHas(50);
        oracle.onRequest((request, store) -> SimulatedResponse.status(401));

        // when
        Map<String, Object> log = runSync();

        // then: one renewal, then the run fails at once
        assertThat(log).containsEntry("status", "FAILED");
        assertThat((String) log.get("error_message"))
                .startsWith("Oracle rejected the OAuth 2.0 access token (HTTP 401) at " + oracle.baseUrl()
                        + "/crmRestApi/resources/latest/opportunities, also a new one from the token endpoint "
                        + oracle.baseUrl() + TokenEndpoint.PATH);
        assertThat(oracle.tokens().requests()).hasSize(2);
        assertThat(requests()).hasSize(2);
    }

    @Test
    void theClientSecretAndTheTokensAppearInNoLogStatusMetricOrMBean(CapturedOutput output) throws Exception {
        // given: a run that succeeds with a renewal on the way, and one that the token endpoint refuses
        givenOracleHas(250);
        oracle.onRequest((request, store) -> {
            if (request.index() == 0) {
                oracle.tokens().expireAll();
            }
            return null;
        });
        assertThat(runSync()).containsEntry("status", "SUCCESS");
        oracle.onRequest(null);
        oracle.tokens().acceptClient(CLIENT_ID, "rotated-secret");
        tokens.forget();
        assertThat(runSync("FULL")).containsEntry("status", "FAILED");
        List<String> secrets = new ArrayList<>(oracle.tokens().issuedTokens());
        secrets.add(CLIENT_SECRET);
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(3);

        // when
        ApiClient api = new ApiClient(port);
        List<String> seen = new ArrayList<>(List.of(output.getAll()));
        for (String path : List.of("/api/sync/status", "/api/sync/history?limit=100", "/actuator/prometheus",
                "/actuator/health")) {
            seen.add(api.get(path).body());
        }
        seen.add(mbeanAttributes());

        // then
        assertThat(seen.get(1)).contains("refused the request");
        assertThat(seen.get(seen.size() - 1)).contains("oracle-sync");
        for (String secret : secrets) {
            assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(secret));
        }
    }

    /** Every readable attribute of the service's and Camel's MBeans, as Hawtio and Jolokia would show them. */
    private static String mbeanAttributes() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        StringBuilder all = new StringBuilder();
        for (String domain : List.of("org.apache.camel:*", "com.oraclesync:*")) {
            for (ObjectName name : server.queryNames(new ObjectName(domain), null)) {
                all.append(name).append('\n');
                for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                    try {
                        all.append(attribute.getName()).append('=')
                                .append(server.getAttribute(name, attribute.getName())).append('\n');
                    } catch (Exception unreadable) {
                        // some attributes cannot be read outside a route's thread; they hold nothing stored
                    }
                }
            }
        }
        return all.toString();
    }
}
