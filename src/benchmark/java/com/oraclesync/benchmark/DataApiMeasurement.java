package com.oraclesync.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario (f): the data API on the table that (d) filled, driven by wrk (16 connections, 2 threads): a first page and
 * a keyset page of 100 rows, the old offset page for comparison, a single row, then every row through the next links
 * with limit=1000 (one client, in sequence), and a first page while a FULL run rewrites the table. The issue's
 * targets (issue 15) are judged on p99 and requests/s as wrk reports them.
 */
final class DataApiMeasurement {

    static final int CONNECTIONS = 16;
    private static final String DURATION = "10s";
    private static final String WARM_UP = "8s";
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$");
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([\\d.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Load(String label, String path, double p50Ms, double p99Ms, double requestsPerSecond, long errors) {
    }

    private final ServiceUnderTest service;
    private final BenchmarkSimulator simulator;
    private final Report report;
    private final String authorization;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Load> loads = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private double walkSeconds = Double.NaN;

    DataApiMeasurement(ServiceUnderTest service, BenchmarkSimulator simulator, Report report) {
        this.service = service;
        this.simulator = simulator;
        this.report = report;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(("admin:" + service.apiPassword)
                .getBytes(StandardCharsets.UTF_8));
    }

    void run() throws Exception {
        long rows = service.count("opportunities");
        try (Statement sql = service.database.createStatement()) {
            // what autovacuum does to the table within a minute of the FULL run, done first so that it does not run
            // under the measurements; the estimate of total reads the statistics it leaves
            sql.execute("VACUUM ANALYZE opportunities");
            // and the checkpoint after (d)'s writes, which would otherwise flush them under the first measurements
            sql.execute("CHECKPOINT");
        }
        String middle = get("/api/data/opportunities?limit=100&offset=" + rows / 2).get("next").asText();
        long middleId = get("/api/data/opportunities?limit=1&offset=" + rows / 2).get("items").get(0)
                .get("remote_id").asLong();
        report.progress("(f) data API: warming up, then wrk -c" + CONNECTIONS + " -d" + DURATION + " per request");
        wrk("warm-up", "/api/data/opportunities?limit=100", WARM_UP);
        wrk("warm-up", middle, WARM_UP);
        wrk("warm-up", "/api/opportunities/" + middleId, WARM_UP);
        measure("(f) first page of 100, /api/data", "/api/data/opportunities?limit=100");
        measure("(f) keyset page of 100 (after=)", middle);
        measure("(f) first page of 100, /api/opportunities", "/api/opportunities?limit=100");
        measure("(f) filtered page (stage=, 100)", "/api/data/opportunities?limit=100&stage=05%20-%20Negotiate");
        measure("(f) single row by remote_id", "/api/opportunities/" + middleId);
        // last of the wrk rows: its slow requests go on in the service for a while after wrk has stopped
        measure("(f) offset page of 100 (offset=" + rows / 2 + ")", "/api/opportunities?limit=100&offset=" + rows / 2);
        awaitIdle();
        walkEveryRow(rows);
        sizes();
        duringFullRun();
        report.addDataApi(loads, walkSeconds, notes);
    }

    /** Until a page answers as fast as an idle service answers it: nothing left over from the request before. */
    private void awaitIdle() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            get("/api/opportunities/1");
            if (System.nanoTime() - start < 20_000_000L) {
                return;
            }
        }
    }

    private void measure(String label, String path) throws Exception {
        awaitIdle();
        Load load = wrk(label, path, DURATION);
        loads.add(load);
        report.progress(String.format("%s: p50 %.1f ms, p99 %.1f ms, %,.0f req/s%s", label, load.p50Ms(), load.p99Ms(),
                load.requestsPerSecond(), load.errors() == 0 ? "" : ", " + load.errors() + " non-2xx"));
    }

    /** Every row through the next links, one request after the other, as a front end that loads the whole table. */
    private void walkEveryRow(long rows) throws Exception {
        long start = System.nanoTime();
        long seen = 0;
        int pages = 0;
        String next = "/api/data/opportunities?limit=1000";
        while (next != null) {
            JsonNode page = get(next);
            seen += page.get("items").size();
            pages++;
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format("(f) every row through next links, limit=1000: %,d rows (table: %,d) in %d pages, "
                + "%.2f s (%,.0f rows/s)", seen, rows, pages, seconds, seen / seconds);
        notes.add(line + (seen == rows ? "" : "; ROW COUNT MISMATCH"));
        walkSeconds = seconds;
        report.progress(line);
    }

    private void sizes() throws Exception {
        HttpRequest.Builder page = request("/api/data/opportunities?limit=100");
        int plain = http.send(page.build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        HttpResponse<byte[]> gzip = http.send(request("/api/data/opportunities?limit=100")
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        notes.add(String.format("(f) a page of 100 rows: %,d bytes as JSON, %,d bytes with Accept-Encoding: gzip "
                + "(Content-Encoding: %s)", plain, gzip.body().length,
                gzip.headers().firstValue("Content-Encoding").orElse("none")));
    }

    /** A FULL run rewrites every row while wrk reads first pages; the run is measured as (d) measures one. */
    private void duringFullRun() throws Exception {
        long before = service.latestLogId();
        CompletableFuture<SyncRunMeasurement.Result> full = CompletableFuture.supplyAsync(() -> {
            try {
                return SyncRunMeasurement.run(service, simulator, "FULL", null);
            } catch (Exception e) {
                throw new IllegalStateException("The FULL run under load failed", e);
            }
        });
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (service.logAfter(before) == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        Load load = wrk("(f) first page of 100 during a FULL run", "/api/data/opportunities?limit=100", "8s");
        loads.add(load);
        SyncRunMeasurement.Result run = full.get();
        notes.add(String.format("(f) during FULL: wrk ran 8 s of the run, which took %.1f s (%s, %,d fetched)",
                run.wallSeconds(), run.status(), run.fetched()));
        report.progress(String.format("%s: p50 %.1f ms, p99 %.1f ms, %,.0f req/s; the FULL run took %.1f s",
                load.label(), load.p50Ms(), load.p99Ms(), load.requestsPerSecond(), run.wallSeconds()));
    }

    private Load wrk(String label, String path, String duration) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("wrk", "-t2", "-c" + CONNECTIONS, "-d" + duration, "--latency",
                "-H", "Authorization: " + authorization, "http://127.0.0.1:" + service.port + path)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed (is it installed? apt-get install wrk):\n" + output);
        }
        Map<String, Double> percentiles = new HashMap<>();
        double rate = Double.NaN;
        long errors = 0;
        for (String line : output.split("\n")) {
            Matcher percentile = PERCENTILE.matcher(line);
            if (percentile.matches()) {
                double value = Double.parseDouble(percentile.group(2));
                percentiles.put(percentile.group(1), switch (percentile.group(3)) {
                    case "us" -> value / 1000;
                    case "s" -> value * 1000;
                    default -> value;
                });
            }
            Matcher requests = RATE.matcher(line);
            if (requests.find()) {
                rate = Double.parseDouble(requests.group(1));
            }
            Matcher failed = NON_2XX.matcher(line);
            if (failed.find()) {
                errors = Long.parseLong(failed.group(1));
            }
        }
        return new Load(label, path, percentiles.getOrDefault("50", Double.NaN),
                percentiles.getOrDefault("99", Double.NaN), rate, errors);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404 && path.startsWith("/api/opportunities/")) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port + path))
                .header("Authorization", authorization).GET();
    }
}
