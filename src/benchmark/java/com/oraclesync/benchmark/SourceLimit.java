package com.oraclesync.benchmark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Scenario (a), the source limit: a plain {@link HttpClient} paging through every record of the simulator, with no
 * database. Each page is read to its end with Jackson's streaming parser, which is the least a client must do to
 * find {@code hasMore} and, for keyset paging, the last record's position.
 */
final class SourceLimit {

    /** What one pass over the data cost. */
    record Pass(long records, int pages, double wallSeconds, double clientCpuSeconds, double simulatorCpuSeconds) {

        Measurement toMeasurement(String scenario) {
            return new Measurement(scenario, records, wallSeconds, Double.NaN, Double.NaN, Double.NaN, clientCpuSeconds,
                    simulatorCpuSeconds, Double.NaN, String.format("%,d pages; client: java.net.http and Jackson "
                            + "streaming, in the benchmark's JVM", pages));
        }
    }

    private record Page(int items, boolean hasMore, String lastUpdate, String lastId) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String collection;
    private final String authorization;
    private final int pageSize;
    private final long simulatorPid;

    SourceLimit(BenchmarkSimulator simulator, int pageSize) {
        this.collection = simulator.baseUrl() + "/crmRestApi/resources/latest/opportunities";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (BenchmarkSimulator.USER + ":" + BenchmarkSimulator.PASSWORD).getBytes(StandardCharsets.UTF_8));
        this.pageSize = pageSize;
        this.simulatorPid = simulator.pid();
    }

    /** limit/offset paging in OptyId order (the simulator's default); at most {@code maxPages} pages. */
    Pass offsetPaging(int maxPages) {
        return measure(maxPages, false);
    }

    /** Keyset paging as the sync does it: ordered by (LastUpdateDate, OptyId), each page after the last one. */
    Pass keysetPaging(int maxPages) {
        return measure(maxPages, true);
    }

    private Pass measure(int maxPages, boolean keyset) {
        Clock clock = Clock.start(simulatorPid);
        long records = 0;
        int pages = 0;
        Page page = null;
        do {
            String query = keyset ? keysetQuery(page) : "limit=" + pageSize + "&offset=" + records + "&onlyData=true";
            page = fetch(query);
            records += page.items();
            pages++;
        } while (page.hasMore() && page.items() > 0 && pages < maxPages);
        Clock.Lap lap = clock.stop();
        return new Pass(records, pages, lap.wallSeconds(), lap.selfCpuSeconds(), lap.otherCpuSeconds());
    }

    private String keysetQuery(Page previous) {
        String query = "limit=" + pageSize + "&offset=0&onlyData=true&orderBy="
                + encode(BenchmarkSimulator.KEYSET_ORDER);
        if (previous == null) {
            return query;
        }
        String ts = "'" + previous.lastUpdate() + "'";
        return query + "&q=" + encode("LastUpdateDate > " + ts + " or (LastUpdateDate = " + ts + " and OptyId > "
                + previous.lastId() + ")");
    }

    private Page fetch(String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(collection + "?" + query))
                .header("Authorization", authorization)
                .header("REST-Framework-Version", "4")
                .header("Accept", "application/json")
                .GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("The simulator answered HTTP " + response.statusCode() + ": "
                            + new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                return parse(body);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Paging the simulator failed at " + query, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static Page parse(InputStream body) throws IOException {
        int items = 0;
        boolean hasMore = false;
        String lastUpdate = null;
        String lastId = null;
        try (JsonParser parser = JSON.createParser(body)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("items") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        items++;
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            parser.nextToken();
                            if (name.equals("LastUpdateDate")) {
                                lastUpdate = parser.getText();
                            } else if (name.equals("OptyId")) {
                                lastId = parser.getText();
                            } else {
                                parser.skipChildren();
                            }
                        }
                    }
                } else if (field.equals("hasMore")) {
                    hasMore = value == JsonToken.VALUE_TRUE;
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new Page(items, hasMore, lastUpdate, lastId);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
