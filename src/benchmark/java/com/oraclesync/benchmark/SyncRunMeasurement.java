package com.oraclesync.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Scenarios (d) and (e): one run of the service from trigger to its closed sync log. The trigger is
 * {@code POST /api/sync} where the service has it, else Camel's own JMX operation {@code sendBodyAndHeaders} on
 * {@code direct:sync-opportunities} (what the scheduler sends). The end is the service's "Sync N SUCCESS" line or the
 * closed sync_logs row, whichever the benchmark sees first. CPU, peak RSS and heap are taken over that window only.
 */
final class SyncRunMeasurement {

    /** What one run cost; heap from 50 ms samples and the GC log of the window. */
    record Result(String trigger, Map<String, Object> log, double wallSeconds, double serviceCpuSeconds,
                  double simulatorCpuSeconds, double postgresCpuSeconds, double peakHeapMb, double maxHeapAfterGcMb,
                  int gcPauses, double gcPauseMs, double peakRssMb, boolean rssReset, double allocatedMb,
                  WarmRate warm, ProcessMetrics.JvmThreadsCpu jvmThreads) {

        long fetched() {
            return ((Number) log.get("total_fetched")).longValue();
        }

        String status() {
            return (String) log.get("status");
        }
    }

    /** Records per second from record {@code fromRecord} to the end; NaN when there is no progress line to start at. */
    record WarmRate(long fromRecord, double recordsPerSecond) {
    }

    private static final Pattern PROGRESS = Pattern.compile("Sync \\d+: \\d+ pages, (\\d+) records");
    private static final Pattern RUN_ENDED = Pattern.compile("Sync \\d+ (SUCCESS|PARTIAL|FAILED)|Sync could not start");
    private static final Duration LONGEST_RUN = Duration.ofMinutes(60);

    private SyncRunMeasurement() {
    }

    /**
     * @param mode    FULL or AUTO (AUTO is INCREMENTAL after a first run)
     * @param jfrFile where to write a JFR recording of the run, or null for none
     */
    static Result run(ServiceUnderTest service, BenchmarkSimulator simulator, String mode, Path jfrFile)
            throws Exception {
        long previousLog = service.latestLogId();
        if (jfrFile != null) {
            service.flightRecorder("jfrStart", "name=sync", "settings=profile");
        }
        HeapSampler heap = HeapSampler.start(service);
        double uptimeBefore = service.uptimeSeconds();
        boolean rssReset = ProcessMetrics.resetPeakRss(service.pid());
        Clock simulatorClock = Clock.start(simulator.pid());
        double serviceCpu = ProcessMetrics.cpuSeconds(service.pid());
        ProcessMetrics.JvmThreadsCpu jvmThreads = ProcessMetrics.jvmThreadsCpu(service.pid());
        long allocatedBefore = service.allocatedBytes();
        int mark = service.jvm.mark();
        long start = System.nanoTime();
        AtomicReference<Throwable> jmxFailure = new AtomicReference<>();
        String trigger = triggerOverHttp(service, mode);
        if (trigger == null) {
            start = System.nanoTime();
            trigger = "JMX";
            triggerOverJmx(service, mode, jmxFailure);
        }
        long end = awaitEnd(service, previousLog, mark, start, jmxFailure);
        double serviceCpuUsed = ProcessMetrics.cpuSeconds(service.pid()) - serviceCpu;
        ProcessMetrics.JvmThreadsCpu jvmThreadsUsed = ProcessMetrics.jvmThreadsCpu(service.pid()).minus(jvmThreads);
        Clock.Lap others = simulatorClock.stop();
        double peakRss = ProcessMetrics.peakRssMb(service.pid());
        long allocatedAfter = service.allocatedBytes();
        double uptimeAfter = service.uptimeSeconds();
        double sampledPeak = heap.finish();
        if (jfrFile != null) {
            service.flightRecorder("jfrStop", "name=sync", "filename=" + jfrFile.toAbsolutePath());
        }
        Map<String, Object> log = awaitClosedLog(service, previousLog);
        GcLog.Window gc = GcLog.window(GcLog.read(service.gcLog), uptimeBefore, uptimeAfter);
        return new Result(trigger, log, (end - start) / 1e9, serviceCpuUsed, others.otherCpuSeconds(),
                others.postgresCpuSeconds(), Math.max(sampledPeak, gc.maxBeforeMb()), gc.maxAfterMb(), gc.pauses(),
                gc.pauseMs(), peakRss, rssReset, allocatedBefore < 0 || allocatedAfter < 0 ? Double.NaN
                        : (allocatedAfter - allocatedBefore) / (1024.0 * 1024.0),
                laterRate(service.jvm.linesFrom(mark), ((Number) log.get("total_fetched")).longValue(), end),
                jvmThreadsUsed);
    }

    /**
     * The rate from the first progress line past a tenth of the run to its end, from the service's own progress lines:
     * the rate once the JIT has compiled the hot path.
     */
    private static WarmRate laterRate(List<ChildJvm.Line> lines, long total, long end) {
        for (ChildJvm.Line line : lines) {
            var progress = PROGRESS.matcher(line.text());
            if (progress.find() && Long.parseLong(progress.group(1)) >= total / 10 && end > line.nanoTime()) {
                long from = Long.parseLong(progress.group(1));
                return new WarmRate(from, (total - from) / ((end - line.nanoTime()) / 1e9));
            }
        }
        return new WarmRate(0, Double.NaN);
    }

    /** POST /api/sync; null when the service has no such endpoint (404), so the caller falls back to JMX. */
    private static String triggerOverHttp(ServiceUnderTest service, String mode) throws Exception {
        String query = mode.equals("FULL") ? "?mode=full" : "";
        String credentials = Base64.getEncoder().encodeToString(
                ("admin:" + service.apiPassword).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port + "/api/sync" + query))
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST /api/sync answered HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        return "HTTP";
    }

    /** The JMX operation runs the whole sync in its call, so it runs on a thread of its own. */
    private static void triggerOverJmx(ServiceUnderTest service, String mode, AtomicReference<Throwable> failure)
            throws Exception {
        var context = service.camelContext();
        Thread caller = new Thread(() -> {
            try {
                service.mbeans.invoke(context, "sendBodyAndHeaders",
                        new Object[] {"direct:sync-opportunities", null, Map.of("syncMode", mode, "syncTrigger", "JMX")},
                        new String[] {String.class.getName(), Object.class.getName(), Map.class.getName()});
            } catch (Exception e) {
                failure.set(e);
            }
        }, "jmx-trigger");
        caller.setDaemon(true);
        caller.start();
    }

    private static long awaitEnd(ServiceUnderTest service, long previousLog, int mark, long start,
                                 AtomicReference<Throwable> jmxFailure) throws Exception {
        long nextPoll = 0;
        while (System.nanoTime() - start < LONGEST_RUN.toNanos()) {
            ChildJvm.Line ended = service.jvm.findLine(RUN_ENDED, mark);
            if (ended != null) {
                return ended.nanoTime();
            }
            if (jmxFailure.get() != null) {
                throw new IllegalStateException("The JMX trigger failed", jmxFailure.get());
            }
            if (!service.jvm.isAlive()) {
                throw new IllegalStateException("The service exited during the run; see its log");
            }
            long now = System.nanoTime();
            if (now >= nextPoll) {
                Map<String, Object> log = service.logAfter(previousLog);
                if (log != null && !"RUNNING".equals(log.get("status"))) {
                    return now;
                }
                nextPoll = now + 50_000_000L;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("The run did not end within " + LONGEST_RUN.toMinutes() + " minutes");
    }

    private static Map<String, Object> awaitClosedLog(ServiceUnderTest service, long previousLog) throws Exception {
        for (int i = 0; i < 500; i++) {
            Map<String, Object> log = service.logAfter(previousLog);
            if (log != null && !"RUNNING".equals(log.get("status"))) {
                return log;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("The run's sync_logs row was not closed 5 s after its end");
    }

    /** Samples the service's heap every 50 ms and keeps the highest. */
    private static final class HeapSampler extends Thread {
        private final ServiceUnderTest service;
        private volatile boolean running = true;
        private volatile double peak;

        private HeapSampler(ServiceUnderTest service) {
            super("heap-sampler");
            this.service = service;
            setDaemon(true);
        }

        static HeapSampler start(ServiceUnderTest service) {
            HeapSampler sampler = new HeapSampler(service);
            sampler.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                try {
                    peak = Math.max(peak, service.heapUsedMb());
                    Thread.sleep(50);
                } catch (Exception e) {
                    return;
                }
            }
        }

        double finish() throws InterruptedException {
            running = false;
            join(1000);
            return peak;
        }
    }
}
