package com.oraclesync.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.ApiTestSupport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.HttpEndpointModel;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

/** /api/openapi.json: a valid OpenAPI 3 document of every path the API answers, behind the API's login. */
// the viewer login of ViewerLoginTest, so that both share one application context
@AutoConfigureObservability
@TestPropertySource(properties = {"api.viewer.user=prometheus", "api.viewer.password=viewer-pa55-c81d"})
class OpenApiDocumentTest extends ApiTestSupport {

    private static final String DOCUMENT = "/api/openapi.json";

    /** The README's API table, aliases included. */
    private static final Set<String> DOCUMENTED = new TreeSet<>(List.of(
            "POST /api/sync", "POST /api/sync-database",
            "GET /api/sync/status", "GET /api/sync-status",
            "GET /api/sync/history", "GET /api/sync-history",
            "GET /api/sync/errors", "GET /api/syncs",
            "GET /api/opportunities", "GET /api/opportunities/{remote_id}", "GET /api/oracle-opportunity/{remote_id}",
            "GET /api/data/{name}", "GET /api/data/{name}/{remote_id}"));

    @Autowired
    private CamelContext camel;

    @Autowired
    private MeterRegistry meters;

    @Test
    void theDocumentIsValidOpenApi3AndListsEveryPathTheServiceAnswers() {
        // when
        Response response = api.send(api.builder(DOCUMENT).header("X-Probe", "probe-value"));
        SwaggerParseResult parsed = parse(response.body());

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(response.headers().map().keySet()).map(String::toLowerCase)
                .doesNotContain("x-probe", "authorization");
        assertThat(parsed.getMessages()).isEmpty();
        OpenAPI document = parsed.getOpenAPI();
        assertThat(document.getOpenapi()).startsWith("3.");
        assertThat(operations(document)).containsExactlyElementsOf(DOCUMENTED);
        assertThat(answeredOverHttp()).containsExactlyElementsOf(DOCUMENTED);
    }

    @Test
    void everyOperationDescribesItsStatusCodesAndTheirJsonBodies() {
        // given
        OpenAPI document = parse(api.get(DOCUMENT).body()).getOpenAPI();

        // when / then
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            Set<String> codes = operation.getResponses().keySet();
            if (method == PathItem.HttpMethod.POST) {
                assertThat(codes).as(name).containsExactlyInAnyOrder("202", "400", "401", "403", "409");
            } else if (path.endsWith("/errors") || path.endsWith("{remote_id}")) {
                assertThat(codes).as(name).containsExactlyInAnyOrder("200", "400", "401", "404");
            } else if (path.equals("/api/syncs")) {
                assertThat(codes).as(name).containsExactlyInAnyOrder("200", "401");
            } else {
                assertThat(codes).as(name).containsExactlyInAnyOrder("200", "400", "401");
            }
            operation.getResponses().forEach((code, answer) ->
                    assertThat(answer.getContent()).as(name + " " + code).containsKey("application/json"));
        }));
        assertThat(parameter(document, "POST", "/api/sync-database", "mode").getSchema().getEnum())
                .containsExactly("incremental", "full", "reconcile");
        assertThat(parameter(document, "GET", "/api/sync/history", "limit").getSchema().getType())
                .isEqualTo("integer");
        assertThat(parameter(document, "GET", "/api/data/{name}/{remote_id}", "remote_id").getRequired()).isTrue();
        assertThat(properties(document, "ApiError")).containsExactlyInAnyOrder("status", "error", "parameter",
                "running_sync_log_id");
        assertThat(document.getSecurity()).singleElement()
                .satisfies(login -> assertThat(login).containsOnlyKeys("basic"));
        assertThat(document.getComponents().getSecuritySchemes().get("basic").getScheme()).isEqualTo("basic");
    }

    @Test
    void theDocumentedFieldsAreTheFieldsTheApiAnswers() {
        // given
        OpenAPI document = parse(api.get(DOCUMENT).body()).getOpenAPI();

        // when
        JsonNode status = api.get("/api/sync/status").json();
        JsonNode started = api.post("/api/sync").json();
        awaitRunEnded(started.get("sync_log_id").asLong());
        JsonNode lastRun = api.get("/api/sync/status").json().get("last_run");

        // then
        assertThat(schemaOf(document, "GET", "/api/sync/status", "200")).isEqualTo("SyncStatusView");
        assertThat(properties(document, "SyncStatusView")).containsExactlyInAnyOrderElementsOf(fieldNames(status));
        assertThat(schemaOf(document, "POST", "/api/sync", "202")).isEqualTo("SyncStartedView");
        assertThat(properties(document, "SyncStartedView")).containsExactlyInAnyOrderElementsOf(fieldNames(started));
        assertThat(properties(document, "SyncLogView")).containsExactlyInAnyOrderElementsOf(fieldNames(lastRun));
        assertThat(schemaOf(document, "POST", "/api/sync", "409")).isEqualTo("ApiError");
    }

    @Test
    void theDocumentNeedsTheApiLoginAndTheViewerMayReadIt() {
        // when
        Response anonymous = api.anonymous().get(DOCUMENT);
        Response wrongPassword = api.as("admin", "wrong-password").get(DOCUMENT);
        Response viewer = api.as("prometheus", "viewer-pa55-c81d").get(DOCUMENT);
        Response viewerTrigger = api.as("prometheus", "viewer-pa55-c81d").post("/api/sync");

        // then
        for (Response refused : List.of(anonymous, wrongPassword)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"oracle-sync\"");
            assertThat(refused.body()).doesNotContain("/api/sync-database");
        }
        assertThat(viewer.status()).isEqualTo(200);
        OpenAPI document = parse(viewer.body()).getOpenAPI();
        assertThat(document.getPaths()).containsKey("/api/sync/status");
        assertThat(viewerTrigger.status()).isEqualTo(403);
        for (Response refused : List.of(anonymous, viewerTrigger)) {
            assertThat(properties(document, "LoginRefusedView")).containsAll(fieldNames(refused.json()));
        }
    }

    @Test
    void aParameterTheDslRefusesGetsTheApisOwn400BodyAndNoFailedExchange() {
        // given
        double failedBefore = failedExchanges("sync-api-start") + failedExchanges("sync-api-history-read");

        // when
        Response mode = api.send(api.builder("/api/sync?mode=bogus").header("X-Probe", "probe-value")
                .POST(HttpRequest.BodyPublishers.noBody()));
        Response limit = api.get("/api/sync-history?limit=101");
        Response upperCase = api.post("/api/sync?mode=FULL");

        // then
        assertThat(mode.status()).isEqualTo(400);
        assertThat(mode.body()).isEqualTo("{\"status\":400,\"error\":\"mode must be one of incremental, full, "
                + "reconcile (was 'bogus')\",\"parameter\":\"mode\"}");
        assertThat(mode.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(mode.headers().map().keySet()).map(String::toLowerCase)
                .doesNotContain("x-probe", "authorization", "mode");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.body()).isEqualTo(
                "{\"status\":400,\"error\":\"limit must be between 1 and 100 (was '101')\",\"parameter\":\"limit\"}");
        assertThat(upperCase.status()).isEqualTo(202);
        assertThat(upperCase.json().get("sync_type").asText()).isEqualTo("FULL");
        awaitRunEnded(upperCase.json().get("sync_log_id").asLong());
        assertThat(failedExchanges("sync-api-start") + failedExchanges("sync-api-history-read"))
                .isEqualTo(failedBefore);
        assertThat(count("SELECT count(*) FROM sync_logs")).isEqualTo(1);
    }

    private static SwaggerParseResult parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(json, null, options);
    }

    private static Set<String> operations(OpenAPI document) {
        Set<String> operations = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> operations.add(method + " " + path)));
        return operations;
    }

    /** What platform-http serves, the document itself aside: every REST verb and any other HTTP route. */
    private Set<String> answeredOverHttp() {
        Set<String> answered = new TreeSet<>();
        for (HttpEndpointModel endpoint : camel.getComponent("platform-http", PlatformHttpComponent.class)
                .getHttpEndpoints()) {
            if (endpoint.getUri().equals(DOCUMENT)) {
                continue;
            }
            String verbs = endpoint.getVerbs() == null ? "GET,POST" : endpoint.getVerbs();
            Arrays.stream(verbs.split(",")).forEach(verb -> answered.add(verb.trim() + " " + endpoint.getUri()));
        }
        return answered;
    }

    private static String schemaOf(OpenAPI document, String method, String path, String code) {
        Operation operation = document.getPaths().get(path).readOperationsMap()
                .get(PathItem.HttpMethod.valueOf(method));
        ApiResponse response = operation.getResponses().get(code);
        String ref = response.getContent().get("application/json").getSchema().get$ref();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static Parameter parameter(OpenAPI document, String method, String path, String name) {
        return document.getPaths().get(path).readOperationsMap().get(PathItem.HttpMethod.valueOf(method))
                .getParameters().stream().filter(parameter -> parameter.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static Set<String> properties(OpenAPI document, String schema) {
        Map<String, Schema> properties = document.getComponents().getSchemas().get(schema).getProperties();
        return new LinkedHashSet<>(properties.keySet());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private double failedExchanges(String routeId) {
        Counter failed = meters.find("camel.exchanges.failed").tag("routeId", routeId).counter();
        assertThat(failed).as("camel.exchanges.failed of " + routeId).isNotNull();
        return failed.count();
    }
}
