package com.oraclesync.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.oraclesync.oracle.OracleProperties;
import com.oraclesync.support.ApiClient;
import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.ApiTestSupport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The requests of an attacker who holds a login, against the real Jolokia endpoint: none of them reaches Oracle's
 * password, the database or arbitrary code, as the operator or as the viewer, while Hawtio's routes view keeps working.
 */
@DisableJmx(false)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"api.viewer.user=" + JolokiaAccessPolicyTest.VIEWER,
        "api.viewer.password=" + JolokiaAccessPolicyTest.VIEWER_PASSWORD})
class JolokiaAccessPolicyTest extends ApiTestSupport {

    static final String VIEWER = "grafana";
    static final String VIEWER_PASSWORD = "viewer-secret-4f2a";

    @Autowired
    private CamelContext camel;

    @Autowired
    private OracleProperties oracleProperties;

    @Test
    void theAttacksOfTheIssueAreRefusedForTheOperatorAndTheViewer(CapturedOutput output) {
        // given
        String context = contextMBean();
        jdbc.sql("UPDATE sync_state SET total_records = 7").update();
        List<String> attacks = List.of(
                exec(context, "dumpRoutesAsXml(boolean)", "[true]"),
                exec(context, "dumpRoutesAsYaml(boolean,boolean)", "[true,true]"),
                exec(context, "requestBody(java.lang.String,java.lang.Object)",
                        "[\"language:simple:${properties:oracle.password}\",\"x\"]"),
                exec(context, "requestBody(java.lang.String,java.lang.Object)",
                        "[\"sql:update sync_state set total_records = 424242\",\"x\"]"),
                exec(context, "sendBody(java.lang.String,java.lang.Object)",
                        "[\"sql:update sync_state set total_records = 424242\",\"x\"]"),
                exec(context, "addOrUpdateRoutesFromXml(java.lang.String)", "[\"<rests/>\"]"),
                exec("com.sun.management:type=HotSpotDiagnostic", "dumpHeap(java.lang.String,boolean)",
                        "[\"/tmp/oracle-sync-heap.hprof\",true]"),
                exec("com.sun.management:type=DiagnosticCommand", "vmSystemProperties()", "[]"),
                "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"SystemProperties\"}",
                "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"InputArguments\"}",
                "{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\",\"value\":true}");

        // when
        List<Response> answers = new ArrayList<>();
        for (ApiClient login : List.of(api, api.as(VIEWER, VIEWER_PASSWORD))) {
            for (String attack : attacks) {
                answers.add(post(login, attack));
            }
        }

        // then
        assertThat(answers.subList(0, attacks.size())).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("status").asInt()).as(answer.body()).isEqualTo(403);
        });
        assertThat(answers.subList(attacks.size(), answers.size()))
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(403));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.body())
                .doesNotContain(oracleProperties.password()).doesNotContain("<route").doesNotContain("current_user"));
        assertThat(output.getAll()).doesNotContain(oracleProperties.password());
        assertThat(count("SELECT total_records FROM sync_state")).isEqualTo(7);
    }

    @Test
    void theJsr160ProxyIsGoneAndConnectsNowhere() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            // given: a socket the proxy would connect to
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            listener.configureBlocking(false);
            int port = listener.socket().getLocalPort();
            List<String> targets = List.of("service:jmx:rmi:///jndi/ldaps://127.0.0.1:" + port + "/o=x",
                    "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");

            // when
            List<Response> answers = new ArrayList<>();
            for (ApiClient login : List.of(api, api.as(VIEWER, VIEWER_PASSWORD))) {
                for (String target : targets) {
                    answers.add(post(login, "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\","
                            + "\"attribute\":\"HeapMemoryUsage\",\"target\":{\"url\":\"" + target + "\"}}"));
                }
            }

            // then
            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(403));
            assertThat(answers.subList(0, 2)).allSatisfy(answer -> assertThat(answer.body())
                    .contains("Jolokia proxy requests (a 'target') are refused").doesNotContain("HeapMemoryUsage"));
            assertThat(listener.accept()).as("a connection to the test's socket").isNull();
        }
    }

    @Test
    void aBulkRequestWithOneProxyTargetIsRefusedWholeAndOrdinaryBulkReadsAnswer() {
        // given
        String read = "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\"}";
        String proxied = "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\","
                + "\"target\":{\"url\":\"service:jmx:rmi:///jndi/rmi://127.0.0.1:1/jmxrmi\"}}";

        // when
        Response mixed = post(api, "[" + read + "," + proxied + "]");
        Response plain = post(api, "[" + read + "," + read + "]");

        // then
        assertThat(mixed.status()).isEqualTo(403);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json()).hasSize(2).allSatisfy(answer -> assertThat(answer.get("status").asInt()).isEqualTo(200));
    }

    @Test
    void operationsRunOnlyOverPost() {
        // when
        Response overGet = api.get("/actuator/jolokia/exec/com.oraclesync:type=SyncControl,name=opportunities/status");
        Response overPost = post(api, exec("com.oraclesync:type=SyncControl,name=opportunities", "status", "[]"));

        // then
        assertThat(overGet.json().get("status").asInt()).isEqualTo(403);
        assertThat(overGet.body()).doesNotContain("running");
        assertThat(overPost.json().get("status").asInt()).isEqualTo(200);
        assertThat(overPost.json().get("value").asText()).startsWith("{\"running\":false,");
    }

    @Test
    void hawtiosRoutesViewListsTheRoutesShowsTheirSourceAndStopsAndStartsOne() {
        // given
        String route = "org.apache.camel:context=" + camel.getManagementName() + ",type=routes,name=\"sync-api-status\"";

        // when
        JsonNode list = api.get("/actuator/jolokia/read/org.apache.camel:context=" + camel.getManagementName()
                + ",type=routes,name=*/RouteId,State,ExchangesTotal").json();
        JsonNode source = post(api, exec(route, "dumpRouteAsXml()", "[]")).json();
        JsonNode routesSource = post(api, exec(contextMBean(), "dumpRoutesAsXml()", "[]")).json();
        JsonNode statistics = post(api, exec(contextMBean(), "dumpRoutesStatsAsXml(boolean,boolean)", "[false,true]"))
                .json();
        JsonNode stopped = post(api, exec(route, "stop()", "[]")).json();
        String stateWhenStopped = camel.getRouteController().getRouteStatus("sync-api-status").name();
        JsonNode started = post(api, exec(route, "start()", "[]")).json();

        // then
        assertThat(list.get("status").asInt()).isEqualTo(200);
        assertThat(list.get("value").size()).isEqualTo(camel.getRoutes().size());
        assertThat(source.get("status").asInt()).isEqualTo(200);
        assertThat(source.get("value").asText()).contains("<route").contains("sync-api-status");
        assertThat(routesSource.get("value").asText()).contains("{{oracle.base-url}}")
                .doesNotContain(oracleProperties.password());
        assertThat(statistics.get("status").asInt()).isEqualTo(200);
        assertThat(stopped.get("status").asInt()).isEqualTo(200);
        assertThat(stateWhenStopped).isEqualTo("Stopped");
        assertThat(started.get("status").asInt()).isEqualTo(200);
        assertThat(camel.getRouteController().getRouteStatus("sync-api-status").name()).isEqualTo("Started");
    }

    private String contextMBean() {
        return "org.apache.camel:context=" + camel.getManagementName() + ",type=context,name=\"" + camel.getName() + "\"";
    }

    private static String exec(String mbean, String operation, String arguments) {
        return "{\"type\":\"exec\",\"mbean\":\"" + mbean.replace("\"", "\\\"") + "\",\"operation\":\"" + operation
                + "\",\"arguments\":" + arguments + "}";
    }

    private static Response post(ApiClient login, String request) {
        return login.send(login.builder("/actuator/jolokia").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request)));
    }
}
