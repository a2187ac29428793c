package com.oraclesync.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's output: a header on the machine, the table, the notes, the ratios and the targets. */
final class Report {

    private static final String ROW = "%-42s %9s %8s %10s %5s %5s %5s %6s %6s %6s%n";

    private final BenchmarkOptions options;
    private final List<String> header = new ArrayList<>();
    private final Map<String, Measurement> rows = new LinkedHashMap<>();
    private final List<DataApiMeasurement.Load> dataApi = new ArrayList<>();
    private final List<String> dataApiNotes = new ArrayList<>();
    private double walkSeconds = Double.NaN;
    private final long startedNanos = System.nanoTime();

    Report(BenchmarkOptions options) {
        this.options = options;
    }

    void header(BenchmarkDatabase server, long postmasterPid) throws Exception {
        header.add("oracle-sync benchmark, " + ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        header.add(String.format("machine: %d cores (nproc), %s, %.1f GiB RAM, Linux %s; Java %s; PostgreSQL %s at %s:%d",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memoryGib(), read("/proc/sys/kernel/osrelease"),
                System.getProperty("java.version"), server.serverVersion(), server.host(), server.port()));
        header.add(postmasterPid > 0 ? "PG CPU: the server's postmaster (pid " + postmasterPid + ") and its children only"
                : "PG CPU: not measured, the server is not on this machine");
        header.add("load average at start: " + loadAverage() + " (other builds may share the cores: figures are noisy)");
        header.add(String.format("data: %,d generated opportunities (seed %d), page size %d; the simulator runs in its own "
                + "JVM on the same cores", options.records(), options.seed(), options.pageSize()));
        header.add("service: java " + ServiceUnderTest.HEAP + " -jar target/oracle-sync-*.jar" + (options.serviceJvmOptions()
                .isEmpty() ? "" : " " + String.join(" ", options.serviceJvmOptions())) + ", settings of application.yml, "
                + "a fresh database per scenario");
        header.forEach(this::progress);
    }

    void progress(String message) {
        System.err.printf("[benchmark %5.0f s] %s%n", (System.nanoTime() - startedNanos) / 1e9, message);
    }

    void add(String id, Measurement measurement) {
        rows.put(id, measurement);
        progress(String.format("%s: %,d records in %.2f s = %,.0f records/s", measurement.scenario(),
                measurement.records(), measurement.wallSeconds(), measurement.recordsPerSecond()));
    }

    void addSync(String id, String scenario, SyncRunMeasurement.Result run, long rowsInTable, long expectedRows) {
        Map<String, Object> log = run.log();
        String rowCheck = rowsInTable == expectedRows ? String.format("%,d rows in the table", rowsInTable)
                : String.format("ROW COUNT MISMATCH: %,d rows in the table, %,d expected", rowsInTable, expectedRows);
        String gc = run.gcPauses() == 0 ? "no GC pause" : String.format("%d GC pauses, %.0f ms", run.gcPauses(),
                run.gcPauseMs());
        String notes = String.format("trigger %s; sync_logs: %s %s, %s pages, %,d fetched (%s new, %s updated), "
                        + "duration_seconds %s; %s; %s; service CPU %.0f us/record (%s), allocated %,.0f MB (%.1f KB/record); "
                        + "%s; %s", run.trigger(), log.get("sync_type"), run.status(),
                log.get("pages"), run.fetched(), log.get("new_records"), log.get("updated_records"),
                log.get("duration_seconds"), rowCheck, Double.isNaN(run.warm().recordsPerSecond()) ? "no progress line"
                        : String.format("%,.0f records/s from record %,d on (JIT warm)", run.warm().recordsPerSecond(),
                        run.warm().fromRecord()), 1e6 * run.serviceCpuSeconds() / Math.max(1, run.fetched()),
                cpuByThreads(run),
                run.allocatedMb(), 1024 * run.allocatedMb() / Math.max(1, run.fetched()), gc,
                run.rssReset() ? "RSS: peak during the run" : "RSS: peak since start (could not reset VmHWM)");
        if (log.get("error_message") != null) {
            notes += "; error: " + log.get("error_message");
        }
        add(id, new Measurement(scenario, run.fetched(), run.wallSeconds(), run.peakHeapMb(),
                run.gcPauses() == 0 ? Double.NaN : run.maxHeapAfterGcMb(), run.peakRssMb(),
                run.serviceCpuSeconds(), run.simulatorCpuSeconds(), run.postgresCpuSeconds(), notes));
    }

    /** The service's CPU per record split into its application threads, the JIT compiler and the GC. */
    private static String cpuByThreads(SyncRunMeasurement.Result run) {
        double perRecord = 1e6 / Math.max(1, run.fetched());
        double jit = run.jvmThreads().jitSeconds();
        double gc = run.jvmThreads().gcSeconds();
        return String.format("application threads %.0f, JIT compiler %.0f, GC %.0f", perRecord
                * (run.serviceCpuSeconds() - jit - gc), perRecord * jit, perRecord * gc);
    }

    void addDataApi(List<DataApiMeasurement.Load> loads, double walkSeconds, List<String> notes) {
        dataApi.addAll(loads);
        dataApiNotes.addAll(notes);
        this.walkSeconds = walkSeconds;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append(line).append('\n'));
        out.append("load average at end: ").append(loadAverage()).append("\n\n");
        out.append(String.format(ROW, "scenario", "records", "wall s", "records/s", "heap", "live", "RSS", "CPU s",
                "sim s", "PG s"));
        for (Measurement row : rows.values()) {
            out.append(String.format(ROW, row.scenario(), String.format("%,d", row.records()),
                    String.format("%.2f", row.wallSeconds()), String.format("%,.0f", row.recordsPerSecond()),
                    figure(row.peakHeapMb()), figure(row.liveHeapMb()), figure(row.peakRssMb()), decimal(row.cpuSeconds()),
                    decimal(row.simulatorCpuSeconds()), decimal(row.postgresCpuSeconds())));
        }
        out.append("""

                heap = peak heap used, MB (50 ms samples and the GC log); live = the most heap still in use right after
                a GC during the run, MB (what the run held, with G1's young-generation sizing taken out); RSS = peak
                resident set, MB (VmHWM); CPU s = the process under test (the benchmark's client for a-c, the service
                for d-f); sim s and PG s = CPU of the simulator's JVM and of the PostgreSQL server, same interval.
                """);
        out.append("\nnotes:\n");
        rows.values().forEach(row -> out.append("  ").append(row.scenario().split("\\s+")[0]).append(' ')
                .append(row.notes()).append('\n'));
        new Targets(rows, options).appendTo(out);
        if (!dataApi.isEmpty()) {
            appendDataApi(out);
        }
        return out.toString();
    }

    private void appendDataApi(StringBuilder out) {
        String row = "%-48s %9s %9s %9s %7s%n";
        out.append(String.format("%ndata API (f), wrk -t2 -c%d on the table of (d):%n", DataApiMeasurement.CONNECTIONS));
        out.append(String.format(row, "request", "p50 ms", "p99 ms", "req/s", "non-2xx"));
        for (DataApiMeasurement.Load load : dataApi) {
            out.append(String.format(row, load.label(), decimal(load.p50Ms()), decimal(load.p99Ms()),
                    String.format("%,.0f", load.requestsPerSecond()), load.errors()));
        }
        dataApiNotes.forEach(note -> out.append("  ").append(note).append('\n'));
        out.append("\ntargets (issue 15, on this machine):\n");
        for (DataApiMeasurement.Load load : dataApi) {
            if (load.label().contains("during a FULL")) {
                out.append(verdict(load.p99Ms() <= 150, load.label() + ": p99 <= 150 ms", load));
            } else if (load.label().contains("single row")) {
                out.append(verdict(load.p99Ms() <= 20, load.label() + ": p99 <= 20 ms", load));
            } else if (load.label().contains("/api/data") || load.label().contains("after=")) {
                out.append(verdict(load.p99Ms() <= 50 && load.requestsPerSecond() >= 400, load.label()
                        + ": p99 <= 50 ms and >= 400 req/s", load));
            }
        }
        out.append(String.format("  [%s] every row through next links with limit=1000 <= 10 s: %.2f s%n",
                walkSeconds <= 10 ? "PASS" : "MISS", walkSeconds));
    }

    private static String verdict(boolean pass, String target, DataApiMeasurement.Load load) {
        return String.format("  [%s] %s: p99 %.1f ms, %,.0f req/s%n", pass ? "PASS" : "MISS", target, load.p99Ms(),
                load.requestsPerSecond());
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.0f", value);
    }

    private static String decimal(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.1f", value);
    }

    private static String cpuModel() {
        for (String line : read("/proc/cpuinfo").split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown CPU";
    }

    private static double memoryGib() {
        for (String line : read("/proc/meminfo").split("\n")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / (1024.0 * 1024.0);
            }
        }
        return Double.NaN;
    }

    private static String loadAverage() {
        String[] parts = read("/proc/loadavg").split(" ");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "unknown";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
