package com.oraclesync.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Real HTTP against a started simulator, the way the sync talks to Oracle. */
final class SimulatorClient {

    static final String COLLECTION = "/crmRestApi/resources/11.13.18.05/opportunities";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI baseUrl;
    private String authorization;
    private String frameworkVersion;
    private Duration timeout;

    SimulatorClient(OracleSimulator simulator, String user, String password) {
        this.baseUrl = simulator.baseUrl();
        this.authorization = basic(user, password);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    SimulatorClient withAuthorization(String authorization) {
        this.authorization = authorization;
        return this;
    }

    /** Sends REST-Framework-Version, which switches q to the expression syntax from "2". */
    SimulatorClient withFrameworkVersion(String version) {
        this.frameworkVersion = version;
        return this;
    }

    SimulatorClient withTimeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** GET the collection with the given name/value query parameters, URL-encoded. */
    Response collection(String... nameValuePairs) {
        return get(COLLECTION + query(nameValuePairs));
    }

    Response get(String pathAndQuery) {
        try {
            return send(pathAndQuery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response send(String pathAndQuery) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (frameworkVersion != null) {
            request.header("REST-Framework-Version", frameworkVersion);
        }
        if (timeout != null) {
            request.timeout(timeout);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String query(String... nameValuePairs) {
        StringJoiner query = new StringJoiner("&", "?", "");
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            query.add(encode(nameValuePairs[i]) + "=" + encode(nameValuePairs[i + 1]));
        }
        return nameValuePairs.length == 0 ? "" : query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    record Response(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse(null);
        }

        List<Long> optyIds() {
            List<Long> ids = new ArrayList<>();
            json().get("items").forEach(item -> ids.add(item.get("OptyId").asLong()));
            return ids;
        }

        Map<String, Object> asMap() {
            try {
                return JSON.readValue(body, Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }
    }
}
