package com.oraclesync.simulator;

import static com.oraclesync.simulator.OpportunityFixture.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OracleSimulatorQueryTest {

    private static final String KEYSET_ORDER = "LastUpdateDate:asc,OptyId:asc";

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
    void givenMixedOpportunities() {
        simulator.store().clear();
        simulator.clearRequests();
        simulator.store().putAll(List.of(
                opportunity(1).name("Café Müller – 日本").status("OPEN").revenue("500.00").with("WinProb", 35)
                        .lastUpdate("2024-01-16T12:00:00.000+00:00").build(),
                opportunity(2).name("O'Brien \"Big\" Deal").status("WON").revenue("7500.25")
                        .with("WinProb", new BigDecimal("72.5")).with("CurrencyCode", "EUR")
                        .lastUpdate("2024-01-16T13:08:00.000+00:00").build(),
                opportunity(3).name("Globex renewal").status("LOST").revenue(null).with("WinProb", 10)
                        .lastUpdate("2024-01-16T13:08:00.001+00:00").build(),
                opportunity(4).name("Initech; phase 2").status("OPEN").revenue("12000.00").with("WinProb", 90)
                        .with("CurrencyCode", "EUR").lastUpdate("2024-01-17T08:30:00.000+02:00").build()));
        client = new SimulatorClient(simulator, "integration", "s3cret");
    }

    @Test
    void legacySyntaxAndsConditionsSeparatedBySemicolons() {
        List<Long> ids = legacy("CurrencyCode=EUR;Revenue>10000");

        assertThat(ids).containsExactly(4L);
    }

    @Test
    void legacySyntaxAcceptsQuotedValuesContainingSemicolons() {
        assertThat(legacy("Name='Initech; phase 2'")).containsExactly(4L);
        assertThat(legacy("StatusCode!=OPEN")).containsExactly(2L, 3L);
    }

    @Test
    void legacySyntaxIsUsedWhenTheFrameworkVersionIs1() {
        List<Long> ids = client.withFrameworkVersion("1").collection("q", "WinProb<=35", "onlyData", "true").optyIds();

        assertThat(ids).containsExactly(1L, 3L);
    }

    @Test
    void legacySyntaxComparesTimestampsAsInstants() {
        assertThat(legacy("LastUpdateDate>=2024-01-16T14:08:00+01:00")).containsExactly(2L, 3L, 4L);
    }

    @Test
    void expressionSyntaxBindsAndTighterThanOr() {
        List<Long> ids = expression("StatusCode = 'WON' or CurrencyCode = 'EUR' and Revenue > 10000");

        assertThat(ids).containsExactly(2L, 4L);
    }

    @Test
    void expressionSyntaxHonoursParentheses() {
        List<Long> ids = expression("(StatusCode = 'WON' OR StatusCode = 'OPEN') AND (WinProb > 50)");

        assertThat(ids).containsExactly(2L, 4L);
    }

    @Test
    void expressionSyntaxComparesTimestampsWrittenWithDifferentOffsets() {
        assertThat(expression("LastUpdateDate > '2024-01-16T14:08:00+01:00'")).containsExactly(3L, 4L);
        assertThat(expression("LastUpdateDate = '2024-01-16T13:08:00Z'")).containsExactly(2L);
        assertThat(expression("LastUpdateDate < '2024-01-17T06:30:00.000Z'")).containsExactly(1L, 2L, 3L);
        assertThat(expression("LastUpdateDate >= '2024-01-17'")).containsExactly(4L);
    }

    @Test
    void expressionSyntaxComparesIntegersAndDecimalsNumerically() {
        assertThat(expression("WinProb > 50")).containsExactly(2L, 4L);
        assertThat(expression("WinProb = 72.5")).containsExactly(2L);
        assertThat(expression("Revenue >= 7500.25 and Revenue < 12000")).containsExactly(2L);
    }

    @Test
    void expressionSyntaxMatchesStringsWithQuotesAndUnicode() {
        assertThat(expression("Name = 'O''Brien \"Big\" Deal'")).containsExactly(2L);
        assertThat(expression("Name = 'Café Müller – 日本'")).containsExactly(1L);
        assertThat(expression("Name LIKE 'Glob%'")).containsExactly(3L);
        assertThat(expression("Name <> 'Globex renewal' and Name != 'Café Müller – 日本'")).containsExactly(2L, 4L);
    }

    @Test
    void expressionSyntaxSupportsIsNullIsNotNullAndIn() {
        assertThat(expression("Revenue IS NULL")).containsExactly(3L);
        assertThat(expression("Revenue is not null and StatusCode in ('WON','LOST')")).containsExactly(2L);
        assertThat(expression("OptyId IN (1, 4)")).containsExactly(1L, 4L);
    }

    @Test
    void acceptsAndRecordsAFinderWithoutFilteringByIt() {
        List<Long> ids = client.collection("finder", "MyOpportunitiesFinder", "onlyData", "true").optyIds();

        assertThat(ids).containsExactly(1L, 2L, 3L, 4L);
        assertThat(simulator.requests().get(0).param("finder")).isEqualTo("MyOpportunitiesFinder");
    }

    @Test
    void rejectsAnUnknownFieldInQWith400NamingIt() {
        SimulatorClient.Response response = client.withFrameworkVersion("2").collection("q", "Colour = 'red'");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"Unknown field 'Colour' in q\"}");
    }

    @Test
    void rejectsMalformedExpressionsWith400DescribingTheProblem() {
        client.withFrameworkVersion("2");

        assertBadQ(client.collection("q", "StatusCode = 'WON"), "Malformed q: unterminated string starting at position 13");
        assertBadQ(client.collection("q", "(StatusCode = 'WON'"), "Malformed q: expected ')' but found the end of q");
        assertBadQ(client.collection("q", "StatusCode 'WON'"),
                "Malformed q: expected an operator after StatusCode but found 'WON' at position 11");
        assertBadQ(client.collection("q", "LastUpdateDate > 2024-01-16T13:08:00Z"),
                "Malformed q: unexpected ':' at position 30");
        assertBadQ(client.collection("q", "Revenue > 10 StatusCode = 'WON'"),
                "Malformed q: expected 'and', 'or' or the end of q but found 'StatusCode' at position 13");
    }

    @Test
    void rejectsTheExpressionSyntaxWhenTheLegacySyntaxIsInForce() {
        SimulatorClient.Response response = client.collection("q", "StatusCode = 'WON' and Revenue > 5");

        assertBadQ(response, "Malformed q: unterminated quote in 'StatusCode = 'WON' and Revenue > 5'");
    }

    @Test
    void keysetPagingOver1000RecordsSharingOneTimestampReturnsEachRecordOnce() {
        String tied = "2024-02-01T00:00:00.000+00:00";
        simulator.store().clear();
        simulator.store().putAll(Stream.of(
                LongStream.rangeClosed(1, 10).mapToObj(id -> opportunity(5000 - id).lastUpdate("2024-01-31T23:59:59.999+00:00")),
                LongStream.rangeClosed(1, 1000).mapToObj(id -> opportunity(id * 3).lastUpdate(tied)),
                LongStream.rangeClosed(1, 10).mapToObj(id -> opportunity(10_000 + id).lastUpdate("2024-02-01T00:00:00.001+00:00")))
                .flatMap(s -> s).map(OpportunityFixture::build).toList());
        client.withFrameworkVersion("4");

        List<Long> seen = new ArrayList<>();
        SimulatorClient.Response page = client.collection("orderBy", KEYSET_ORDER, "limit", "37",
                "fields", "OptyId,LastUpdateDate", "onlyData", "true");
        seen.addAll(page.optyIds());
        while (page.json().get("hasMore").asBoolean()) {
            var last = page.json().get("items").get(page.json().get("count").asInt() - 1);
            String cursor = last.get("LastUpdateDate").asText();
            String q = "LastUpdateDate > '" + cursor + "' or (LastUpdateDate = '" + cursor
                    + "' and OptyId > " + last.get("OptyId").asLong() + ")";
            page = client.collection("q", q, "orderBy", KEYSET_ORDER, "limit", "37",
                    "fields", "OptyId,LastUpdateDate", "onlyData", "true");
            seen.addAll(page.optyIds());
        }

        List<Long> expected = new ArrayList<>();
        LongStream.rangeClosed(4990, 4999).forEach(expected::add);
        LongStream.rangeClosed(1, 1000).forEach(id -> expected.add(id * 3));
        LongStream.rangeClosed(10_001, 10_010).forEach(expected::add);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(simulator.requests()).hasSize((1020 + 36) / 37);
    }

    private List<Long> legacy(String q) {
        return client.collection("q", q, "onlyData", "true").optyIds();
    }

    private List<Long> expression(String q) {
        SimulatorClient.Response response = client.withFrameworkVersion("2").collection("q", q, "onlyData", "true");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.optyIds();
    }

    private static void assertBadQ(SimulatorClient.Response response, String detail) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.asMap()).isEqualTo(Map.of("title", "Bad Request", "status", 400, "detail", detail));
    }
}
