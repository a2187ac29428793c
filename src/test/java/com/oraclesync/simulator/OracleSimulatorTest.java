package com.oraclesync.simulator;

import static com.oraclesync.simulator.OpportunityFixture.opportunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OracleSimulatorTest {

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
    void resetSimulator() {
        simulator.store().clear();
        simulator.clearRequests();
        simulator.onRequest(null);
        client = new SimulatorClient(simulator, "integration", "s3cret");
    }

    @Test
    void bindsToLoopbackOnAnEphemeralPort() {
        assertThat(simulator.port()).isPositive();
        assertThat(simulator.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + simulator.port());
    }

    @Test
    void pagesWithLimitAndOffsetAndReportsWhetherMoreFollow() {
        givenOpportunities(1, 7);

        SimulatorClient.Response first = client.collection("limit", "3", "offset", "0", "onlyData", "true");
        SimulatorClient.Response last = client.collection("limit", "3", "offset", "6", "onlyData", "true");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo("application/vnd.oracle.adf.resourcecollection+json");
        assertThat(first.optyIds()).containsExactly(1L, 2L, 3L);
        assertPageFields(first.json(), 3, true, 3, 0);
        assertThat(last.optyIds()).containsExactly(7L);
        assertPageFields(last.json(), 1, false, 3, 6);
    }

    @Test
    void servesTwentyFiveItemsFromOffsetZeroByDefault() {
        givenOpportunities(1, 30);

        SimulatorClient.Response page = client.collection("onlyData", "true");

        assertThat(page.optyIds()).containsExactlyElementsOf(LongStream.rangeClosed(1, 25).boxed().toList());
        assertPageFields(page.json(), 25, true, 25, 0);
    }

    @Test
    void clampsLimitAbove500AndReportsTheClampedLimit() {
        givenOpportunities(1, 600);

        SimulatorClient.Response page = client.collection("limit", "1000", "onlyData", "true");

        assertThat(page.optyIds()).hasSize(500).startsWith(1L).endsWith(500L);
        assertPageFields(page.json(), 500, true, 500, 0);
    }

    @Test
    void returnsAnEmptyPageWithoutMoreBeyondTheEnd() {
        givenOpportunities(1, 4);

        SimulatorClient.Response page = client.collection("offset", "4", "onlyData", "true");

        assertThat(page.optyIds()).isEmpty();
        assertPageFields(page.json(), 0, false, 25, 4);
    }

    @Test
    void addsTotalResultsOnlyWhenAskedFor() {
        givenOpportunities(1, 10);
        simulator.store().update(3, Map.of("StatusCode", "WON"));
        simulator.store().update(8, Map.of("StatusCode", "WON"));

        JsonNode withTotal = client.collection("q", "StatusCode=WON", "totalResults", "true", "limit", "1",
                "onlyData", "true").json();
        JsonNode withoutTotal = client.collection("q", "StatusCode=WON", "limit", "1", "onlyData", "true").json();

        assertThat(withTotal.get("totalResults").asInt()).isEqualTo(2);
        assertThat(withTotal.get("count").asInt()).isEqualTo(1);
        assertThat(withTotal.get("hasMore").asBoolean()).isTrue();
        assertThat(withoutTotal.has("totalResults")).isFalse();
    }

    @Test
    void projectsItemsToTheRequestedFields() {
        simulator.store().put(opportunity(1).name("Renewal").revenue("1234.50").build());

        SimulatorClient.Response page = client.collection("fields", "OptyId,Name,Revenue", "onlyData", "true");

        assertThat(page.body()).contains("{\"items\":[{\"OptyId\":1,\"Name\":\"Renewal\",\"Revenue\":1234.50}]");
    }

    @Test
    void writesEveryFieldWithDecimalsExactlyAsStored() {
        simulator.store().put(opportunity(1).revenue("1234.50").with("WinProb", new BigDecimal("72.5"))
                .with("Sector_c", null).build());

        Map<String, Object> item = firstItem(client.collection("onlyData", "true"));

        assertThat(item).containsExactly(
                entry("OptyId", 1), entry("OptyNumber", "CDRM_1"), entry("Name", "Deal 1"),
                entry("TargetPartyName", "Acme Corporation"), entry("Revenue", new BigDecimal("1234.50")),
                entry("CurrencyCode", "USD"), entry("WinProb", new BigDecimal("72.5")),
                entry("SalesStage", "02 - Discover"), entry("StatusCode", "OPEN"),
                entry("EffectiveDate", "2024-03-01"), entry("OwnerResourcePartyId", 300000001500000L),
                entry("CreationDate", "2024-01-01T09:00:00.000+00:00"),
                entry("LastUpdateDate", "2024-01-16T13:08:00.123+00:00"), entry("Practice_c", "Cloud"),
                entry("Geo_c", "EMEA"), entry("Region_c", "DACH"), entry("Sector_c", null));
    }

    @Test
    void addsOracleLinksUnlessOnlyDataIsTrue() {
        givenOpportunities(1, 1);
        String itemHref = simulator.baseUrl() + SimulatorClient.COLLECTION + "/1";

        JsonNode withLinks = client.collection("fields", "OptyId").json();
        JsonNode onlyData = client.collection("fields", "OptyId", "onlyData", "true").json();

        JsonNode itemLink = withLinks.get("items").get(0).get("links").get(0);
        assertThat(itemLink.get("rel").asText()).isEqualTo("self");
        assertThat(itemLink.get("href").asText()).isEqualTo(itemHref);
        assertThat(itemLink.get("kind").asText()).isEqualTo("item");
        assertThat(withLinks.get("links").get(0).get("href").asText())
                .isEqualTo(simulator.baseUrl() + SimulatorClient.COLLECTION + "?fields=OptyId");
        assertThat(onlyData.get("items").get(0).has("links")).isFalse();
        assertThat(onlyData.has("links")).isFalse();
    }

    @Test
    void ordersByTwoKeysWithTheirOwnDirections() {
        simulator.store().putAll(List.of(
                opportunity(1).status("OPEN").revenue("300.00").build(),
                opportunity(2).status("WON").revenue("200.00").build(),
                opportunity(3).status("OPEN").revenue("100.00").build(),
                opportunity(4).status("WON").revenue("100.00").build(),
                opportunity(5).status("LOST").revenue(null).build()));

        SimulatorClient.Response page = client.collection("orderBy", "StatusCode:desc,Revenue:asc",
                "onlyData", "true");

        assertThat(page.optyIds()).containsExactly(4L, 2L, 3L, 1L, 5L);
    }

    @Test
    void servesOneItemByOptyIdOrOptyNumber() {
        simulator.store().put(opportunity(42).name("Answer").build());

        SimulatorClient.Response byId = client.get(SimulatorClient.COLLECTION + "/42?onlyData=true&fields=OptyId,Name");
        SimulatorClient.Response byNumber = client.get(SimulatorClient.COLLECTION + "/CDRM_42?onlyData=true&fields=Name");

        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.contentType()).isEqualTo("application/vnd.oracle.adf.resourceitem+json");
        assertThat(byId.body()).isEqualTo("{\"OptyId\":42,\"Name\":\"Answer\"}");
        assertThat(byNumber.body()).isEqualTo("{\"Name\":\"Answer\"}");
    }

    @Test
    void answers404ForAnAbsentItemOrAnotherResource() {
        SimulatorClient.Response absentItem = client.get(SimulatorClient.COLLECTION + "/999");
        SimulatorClient.Response otherResource = client.get("/crmRestApi/resources/latest/leads");

        assertThat(absentItem.status()).isEqualTo(404);
        assertThat(absentItem.body()).isEqualTo("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No opportunity 999\"}");
        assertThat(otherResource.status()).isEqualTo(404);
        assertThat(simulator.requests()).hasSize(1);
    }

    @Test
    void rejectsUnknownFieldsInFieldsAndOrderByWith400() {
        SimulatorClient.Response badFields = client.collection("fields", "OptyId,Colour");
        SimulatorClient.Response badOrder = client.collection("orderBy", "Colour:asc");
        SimulatorClient.Response badDirection = client.collection("orderBy", "Name:up");

        assertThat(badFields.status()).isEqualTo(400);
        assertThat(badFields.json().get("detail").asText()).isEqualTo("Unknown field 'Colour' in fields");
        assertThat(badOrder.json().get("detail").asText()).isEqualTo("Unknown field 'Colour' in orderBy");
        assertThat(badDirection.status()).isEqualTo(400);
        assertThat(badDirection.json().get("detail").asText()).contains("'up'", "neither asc nor desc");
    }

    @Test
    void rejectsMissingCredentialsWith401AndABasicChallenge() {
        SimulatorClient.Response response = client.withAuthorization(null).collection();

        assertUnauthorized(response);
    }

    @Test
    void rejectsAWrongPasswordWith401() {
        SimulatorClient.Response response = client
                .withAuthorization(SimulatorClient.basic("integration", "wrong")).collection();

        assertUnauthorized(response);
    }

    @Test
    void recordsEachRequestWithDecodedQueryAndWithoutCredentials() {
        client.withFrameworkVersion("4").collection("q", "Name = 'Café Müller'", "finder", "MyOpportunities",
                "limit", "5", "offset", "10");

        List<RecordedRequest> requests = simulator.requests();

        assertThat(requests).hasSize(1);
        RecordedRequest request = requests.get(0);
        assertThat(request.index()).isZero();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo(SimulatorClient.COLLECTION);
        assertThat(request.q()).isEqualTo("Name = 'Café Müller'");
        assertThat(request.param("finder")).isEqualTo("MyOpportunities");
        assertThat(request.limit()).isEqualTo(5);
        assertThat(request.offset()).isEqualTo(10);
        assertThat(request.headers()).containsEntry("rest-framework-version", "4").doesNotContainKey("authorization");
    }

    @Test
    void numbersRequestsFromZeroAgainAfterClearing() {
        client.collection();
        client.collection();
        simulator.clearRequests();

        client.collection("limit", "7");

        assertThat(simulator.requests()).extracting(RecordedRequest::index, RecordedRequest::limit)
                .containsExactly(tuple(0, 7));
    }

    private static void assertUnauthorized(SimulatorClient.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"simulator\"");
        assertThat(response.body()).isEqualTo(
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Missing or wrong user name or password\"}");
    }

    private static void assertPageFields(JsonNode page, int count, boolean hasMore, int limit, int offset) {
        assertThat(page.get("count").asInt()).isEqualTo(count);
        assertThat(page.get("hasMore").asBoolean()).isEqualTo(hasMore);
        assertThat(page.get("limit").asInt()).isEqualTo(limit);
        assertThat(page.get("offset").asInt()).isEqualTo(offset);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstItem(SimulatorClient.Response response) {
        return ((List<Map<String, Object>>) response.asMap().get("items")).get(0);
    }

    private static void givenOpportunities(long firstOptyId, long lastOptyId) {
        simulator.store().putAll(LongStream.rangeClosed(firstOptyId, lastOptyId)
                .mapToObj(id -> opportunity(id).build()).toList());
    }
}
