package com.oraclesync.benchmark;

import com.oraclesync.simulator.OracleSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Oracle simulator in a JVM of its own, serving the benchmark's data set. Its standard input takes
 * {@code change N}: N distinct opportunities are edited (LastUpdateDate = now), as sales reps would between two runs.
 */
final class BenchmarkSimulator implements AutoCloseable {

    static final String USER = "demo";
    static final String PASSWORD = "demo";
    /** The sync's keyset order, see OracleRequests. */
    static final String KEYSET_ORDER = "LastUpdateDate:asc,OptyId:asc";

    private static final Pattern READY = Pattern.compile("^READY (\\S+) (\\d+)");
    private static final Pattern CHANGED = Pattern.compile("^CHANGED (\\d+)");
    private static final Pattern LATENCY = Pattern.compile("^LATENCY (\\d+) (\\d+)");

    private final ChildJvm jvm;
    private final URI baseUrl;

    private BenchmarkSimulator(ChildJvm jvm, URI baseUrl) {
        this.jvm = jvm;
        this.baseUrl = baseUrl;
    }

    /** Starts the child and waits until it serves {@code count} records. */
    static BenchmarkSimulator start(BenchmarkData data, int count, String classpath, Path log) {
        ChildJvm jvm = ChildJvm.start("simulator(" + count + ")", List.of("-Xmx2g", "-cp", classpath),
                List.of(BenchmarkSimulator.class.getName(), Integer.toString(count), Long.toString(data.seed()),
                        Long.toString(data.now().toEpochMilli())),
                Map.of("ORACLE_USER", USER, "ORACLE_PASS", PASSWORD), Path.of("."), log);
        try {
            String url = jvm.awaitLine(READY, 0, Duration.ofMinutes(3)).group(1);
            return new BenchmarkSimulator(jvm, URI.create(url));
        } catch (RuntimeException e) {
            jvm.close();
            throw e;
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    long pid() {
        return jvm.pid();
    }

    /** Edits {@code count} distinct opportunities in the simulator and waits until that is done. */
    void change(int count) {
        int mark = jvm.mark();
        jvm.send("change " + count);
        jvm.awaitLine(CHANGED, mark, Duration.ofMinutes(1));
    }

    /**
     * The latency model from now on: each page request is answered after {@code perRequest} plus {@code perItem} per
     * item returned (zero and zero: at once).
     */
    void latency(Duration perRequest, Duration perItem) {
        int mark = jvm.mark();
        jvm.send("latency " + perRequest.toNanos() + " " + perItem.toNanos());
        jvm.awaitLine(LATENCY, mark, Duration.ofMinutes(1));
    }

    @Override
    public void close() {
        jvm.close();
    }

    /** Child side: {@code count seed nowEpochMillis}. */
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        BenchmarkData data = new BenchmarkData(Long.parseLong(args[1]), Instant.ofEpochMilli(Long.parseLong(args[2])));
        OracleSimulator simulator = OracleSimulator.start(0, USER, PASSWORD);
        List<Map<String, Object>> chunk = new ArrayList<>();
        data.forEachItem(count, item -> {
            chunk.add(item);
            if (chunk.size() == 10_000) {
                simulator.store().putAll(chunk);
                chunk.clear();
            }
        });
        simulator.store().putAll(chunk);
        buildKeysetView(simulator);
        System.out.println("READY " + simulator.baseUrl() + " " + simulator.store().size());
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command;
        while ((command = commands.readLine()) != null) {
            if (command.startsWith("change ")) {
                int changes = Integer.parseInt(command.substring("change ".length()).trim());
                changeSpread(simulator, count, changes);
                buildKeysetView(simulator);
                System.out.println("CHANGED " + changes);
            } else if (command.startsWith("latency ")) {
                String[] nanos = command.substring("latency ".length()).trim().split(" ");
                simulator.latency(Duration.ofNanos(Long.parseLong(nanos[0])), Duration.ofNanos(Long.parseLong(nanos[1])));
                System.out.println("LATENCY " + nanos[0] + " " + nanos[1]);
            }
        }
        simulator.close();
    }

    /** Edits every (count/changes)-th opportunity: distinct records, spread over the whole data set. */
    private static void changeSpread(OracleSimulator simulator, int count, int changes) {
        long step = Math.max(1, count / changes);
        for (int i = 0; i < changes; i++) {
            long optyId = BenchmarkData.FIRST_OPTY_ID + (i * step) % count;
            simulator.store().update(optyId, Map.of("SalesStage", "04 - Propose",
                    "Revenue", BigDecimal.valueOf(1_000_000 + i, 2)));
        }
    }

    /**
     * The simulator sorts its store once per change for a new order; a real Oracle answers from an index. One request
     * in the sync's order here keeps that one-off sort out of the figures of the next run.
     */
    private static void buildKeysetView(OracleSimulator simulator) throws Exception {
        String auth = java.util.Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                        + "/crmRestApi/resources/latest/opportunities?limit=1&onlyData=true&orderBy="
                        + KEYSET_ORDER.replace(",", "%2C")))
                .header("Authorization", "Basic " + auth)
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The simulator answered " + response.statusCode() + ": " + response.body());
        }
    }
}
