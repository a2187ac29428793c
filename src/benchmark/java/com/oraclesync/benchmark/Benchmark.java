package com.oraclesync.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

/**
 * The benchmark of README "Benchmark" (run it with benchmark/run.sh): on one data set, the source limit (a), the
 * database limit (b), the replaced scripts' per-record writes (c), oracle-sync's FULL run at two sizes (d) and an
 * INCREMENTAL run after a few changes (e), the data API on the table of (d) driven by wrk (f), and the FULL run against
 * a simulator with a latency model at several SYNC_PARALLELISM settings (g), as one table with the ratios and the
 * targets of issues 5, 11 and 15.
 */
public final class Benchmark {

    private final BenchmarkOptions options;
    private final BenchmarkData data;
    private final BenchmarkDatabase server = BenchmarkDatabase.fromEnvironment();
    private final Path results = Path.of("benchmark", "results");
    private final String classpath = System.getProperty("java.class.path");
    private final Report report;

    private Benchmark(BenchmarkOptions options) {
        this.options = options;
        this.data = new BenchmarkData(options.seed(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        this.report = new Report(options);
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        Benchmark benchmark = new Benchmark(options);
        Files.createDirectories(benchmark.results);
        benchmark.run();
    }

    private void run() throws Exception {
        Path jar = serviceJar();
        long postmaster = server.postmasterPid();
        ProcessMetrics.followPostgres(postmaster);
        report.header(server, postmaster);
        report.progress("Starting the simulator with " + options.records() + " records");
        try (BenchmarkSimulator simulator = BenchmarkSimulator.start(data, options.records(), classpath,
                results.resolve("simulator.log"))) {
            if (options.runs("a")) {
                measureSource(simulator);
            }
            if (options.runs("b")) {
                report.progress("(b) COPY of " + options.records() + " rows");
                DatabaseLimit copy = new DatabaseLimit(server, data);
                report.add("b", best(() -> copy.copy("(b)  database limit: COPY", options.records(),
                        "oracle_sync_bench_copy")));
                report.progress("(b') the sync's staging COPY and upsert statement over JDBC");
                DatabaseLimit upsert = new DatabaseLimit(server, data);
                report.add("b'", best(() -> upsert.upsertStatement("(b') sync's COPY + upsert SQL, JDBC",
                        options.records(), options.pageSize(), "oracle_sync_bench_upsert")));
                report.progress("(b'') COPY per page into a staging table, then INSERT ... ON CONFLICT");
                StagedUpsert staged = new StagedUpsert(server, data);
                report.add("b''", best(() -> staged.run("(b'') COPY to staging + upsert, per page",
                        options.records(), options.pageSize(), "oracle_sync_bench_staged")));
            }
            if (options.runs("c")) {
                report.progress("(c) per-record upsert and commit, " + options.oldApproachSample() + " records");
                OldApproach old = new OldApproach(server, data);
                report.add("c", best(() -> old.perRecordUpsert("(c)  old: upsert+commit per record",
                        options.oldApproachSample(), options.records(), "oracle_sync_bench_old")));
            }
            if (options.runs("d")) {
                if (options.smallRecords() > 0) {
                    measureSmallFull(jar);
                }
                measureFullAndIncremental(jar, simulator);
            }
            if (options.runs("g")) {
                measureUnderLatency(jar, simulator);
            }
        }
        String text = report.render();
        System.out.println();
        System.out.print(text);
        Files.writeString(results.resolve("latest.txt"), text);
        System.out.println("(written to " + results.resolve("latest.txt") + ")");
    }

    private void measureSource(BenchmarkSimulator simulator) throws Exception {
        SourceLimit source = new SourceLimit(simulator, options.pageSize());
        report.progress("(a) warming up the simulator and the client: 40 pages each way");
        source.offsetPaging(40);
        source.keysetPaging(40);
        report.progress("(a) offset paging through " + options.records() + " records");
        report.add("a", best(() -> source.offsetPaging(Integer.MAX_VALUE)
                .toMeasurement("(a)  source limit: HTTP, offset paging")));
        report.progress("(a') keyset paging through " + options.records() + " records");
        report.add("a'", best(() -> source.keysetPaging(Integer.MAX_VALUE)
                .toMeasurement("(a') source: HTTP, keyset as the sync")));
    }

    /** A limit is the best the machine did: measured --repeat times, the fastest counts, all are noted. */
    private Measurement best(Attempt attempt) throws Exception {
        Measurement best = null;
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < options.repeat(); i++) {
            Measurement measured = attempt.run();
            all.append(i == 0 ? "" : " / ").append(String.format("%,.0f", measured.recordsPerSecond()));
            if (best == null || measured.recordsPerSecond() > best.recordsPerSecond()) {
                best = measured;
            }
        }
        return options.repeat() == 1 ? best : best.withNotes("best of " + options.repeat() + ": " + all + " records/s");
    }

    private interface Attempt {
        Measurement run() throws Exception;
    }

    private void measureSmallFull(Path jar) throws Exception {
        int records = options.smallRecords();
        report.progress("(d) FULL run of " + records + " records: own simulator, database and service");
        String database = "oracle_sync_bench_full_small";
        server.create(database);
        try (BenchmarkSimulator simulator = BenchmarkSimulator.start(data, records, classpath,
                results.resolve("simulator-small.log"));
             ServiceUnderTest service = ServiceUnderTest.start("full-small", jar, results, server, database, simulator,
                     options.pageSize(), options.serviceJvmOptions())) {
            warmUp(simulator);
            SyncRunMeasurement.Result full = SyncRunMeasurement.run(service, simulator, "FULL", null);
            report.addSync("d-small", String.format("(d)  oracle-sync FULL @ %,d", records), full,
                    service.count("opportunities"), records);
        } finally {
            server.drop(database);
        }
    }

    /** One pass each way, so that every FULL run meets a simulator as warm as the big one is after (a). */
    private void warmUp(BenchmarkSimulator simulator) {
        SourceLimit source = new SourceLimit(simulator, options.pageSize());
        source.offsetPaging(Integer.MAX_VALUE);
        source.keysetPaging(Integer.MAX_VALUE);
    }

    private void measureFullAndIncremental(Path jar, BenchmarkSimulator simulator) throws Exception {
        if (!options.runs("a")) {
            warmUp(simulator);
        }
        report.progress("(d) FULL run of " + options.records() + " records");
        String database = "oracle_sync_bench_full";
        server.create(database);
        try (ServiceUnderTest service = ServiceUnderTest.start("full", jar, results, server, database, simulator,
                options.pageSize(), options.serviceJvmOptions())) {
            Path recording = options.profile() ? results.resolve("full.jfr") : null;
            SyncRunMeasurement.Result full = SyncRunMeasurement.run(service, simulator, "FULL", recording);
            report.addSync("d", String.format("(d)  oracle-sync FULL @ %,d", options.records()), full,
                    service.count("opportunities"), options.records());
            if (recording != null) {
                String profile = JfrSummary.summarize(recording, 25, null);
                Files.writeString(results.resolve("profile-full.txt"), profile);
                report.progress("JFR profile of the FULL run summarised in " + results.resolve("profile-full.txt"));
            }
            if (options.runs("e")) {
                report.progress("(e) " + options.changes() + " changes in the simulator, then an INCREMENTAL run");
                simulator.change(options.changes());
                SyncRunMeasurement.Result incremental = SyncRunMeasurement.run(service, simulator, "AUTO", null);
                report.addSync("e", String.format("(e)  oracle-sync INCREMENTAL, %d changes", options.changes()),
                        incremental, service.count("opportunities"), options.records());
            }
            if (options.runs("f")) {
                new DataApiMeasurement(service, simulator, report).run();
            }
        } finally {
            server.drop(database);
        }
    }

    /**
     * (g): the FULL run against a simulator that answers like a (faster) Oracle, once per SYNC_PARALLELISM: the
     * wait on the source, not the CPU, bounds it, so parallel slices are the lever.
     */
    private void measureUnderLatency(Path jar, BenchmarkSimulator simulator) throws Exception {
        if (!options.runs("a") && !options.runs("d")) {
            warmUp(simulator);
        }
        simulator.latency(options.latencyPerRequest(), options.latencyPerItem());
        try {
            for (int parallelism : options.parallelisms()) {
                report.progress(String.format("(g) FULL run of %d records, latency %s + %s per item, SYNC_PARALLELISM=%d",
                        options.records(), options.latencyPerRequest(), options.latencyPerItem(), parallelism));
                String database = "oracle_sync_bench_latency_" + parallelism;
                server.create(database);
                try (ServiceUnderTest service = ServiceUnderTest.start("latency-p" + parallelism, jar, results, server,
                        database, simulator, options.pageSize(), options.serviceJvmOptions(),
                        java.util.Map.of("SYNC_PARALLELISM", Integer.toString(parallelism)))) {
                    SyncRunMeasurement.Result full = SyncRunMeasurement.run(service, simulator, "FULL", null);
                    report.addSync("g" + parallelism, String.format("(g)  FULL, latency model, parallelism %d",
                            parallelism), full, service.count("opportunities"), options.records());
                } finally {
                    server.drop(database);
                }
            }
        } finally {
            simulator.latency(java.time.Duration.ZERO, java.time.Duration.ZERO);
        }
    }

    private static Path serviceJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("oracle-sync-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/oracle-sync-*.jar: run benchmark/run.sh, "
                            + "which builds it first"));
        }
    }
}
