package com.oraclesync.benchmark;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The oracle-sync service as it ships (the Spring Boot jar), in a child JVM with {@code -Xmx256m}, against the
 * simulator child and a fresh database of its own. The benchmark reaches it over HTTP and over JMX through the Attach
 * API, which also reports its heap; the scheduled and start-up runs are switched off so only triggered runs happen.
 */
final class ServiceUnderTest implements AutoCloseable {

    static final String HEAP = "-Xmx256m";
    private static final Pattern STARTED = Pattern.compile("Started \\w+ in ");
    /** Idle: under a tenth of a core for two 250 ms windows in a row. */
    private static final double IDLE_CPU_SECONDS_PER_WINDOW = 0.025;
    private static final Duration MOST_WAIT_FOR_IDLE = Duration.ofSeconds(30);

    final ChildJvm jvm;
    final Path gcLog;
    final Connection database;
    final String apiPassword;
    final int port;
    private final JMXConnector jmx;
    final MBeanServerConnection mbeans;

    private ServiceUnderTest(ChildJvm jvm, Path gcLog, Connection database, String apiPassword, int port,
                             JMXConnector jmx) throws IOException {
        this.jvm = jvm;
        this.gcLog = gcLog;
        this.database = database;
        this.apiPassword = apiPassword;
        this.port = port;
        this.jmx = jmx;
        this.mbeans = jmx.getMBeanServerConnection();
    }

    static ServiceUnderTest start(String label, Path jar, Path results, BenchmarkDatabase server, String databaseName,
                                  BenchmarkSimulator simulator, int pageSize, List<String> extraJvmOptions)
            throws Exception {
        return start(label, jar, results, server, databaseName, simulator, pageSize, extraJvmOptions, Map.of());
    }

    /** @param settings environment variables of the service beyond the benchmark's own, e.g. SYNC_PARALLELISM */
    static ServiceUnderTest start(String label, Path jar, Path results, BenchmarkDatabase server, String databaseName,
                                  BenchmarkSimulator simulator, int pageSize, List<String> extraJvmOptions,
                                  Map<String, String> settings) throws Exception {
        int port = freePort();
        String apiPassword = UUID.randomUUID().toString();
        Map<String, String> env = new HashMap<>();
        env.put("ORACLE_BASE_URL", simulator.baseUrl().toString());
        env.put("ORACLE_USER", BenchmarkSimulator.USER);
        env.put("ORACLE_PASS", BenchmarkSimulator.PASSWORD);
        env.put("SPRING_DATASOURCE_URL", server.jdbcUrl(databaseName));
        env.put("SPRING_DATASOURCE_USERNAME", server.user());
        env.put("SPRING_DATASOURCE_PASSWORD", server.password() == null ? "" : server.password());
        env.put("SYNC_RUN_ON_STARTUP", "false");
        env.put("SYNC_CRON", "0 0 0 1 1 ? 2099");
        env.put("SYNC_PAGE_SIZE", Integer.toString(pageSize));
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SYNC_API_USER", "admin");
        env.put("SYNC_API_PASSWORD", apiPassword);
        env.putAll(settings);
        Path gcLog = results.resolve("gc-" + label + ".log");
        Files.deleteIfExists(gcLog);
        List<String> jvmOptions = new ArrayList<>(List.of(HEAP, "-Xlog:gc:file=" + gcLog));
        jvmOptions.addAll(extraJvmOptions);
        ChildJvm jvm = ChildJvm.start("service(" + label + ")", jvmOptions, List.of("-jar", jar.toString()), env,
                Path.of("."), results.resolve("service-" + label + ".log"));
        try {
            jvm.awaitLine(STARTED, 0, Duration.ofMinutes(4));
            VirtualMachine vm = VirtualMachine.attach(Long.toString(jvm.pid()));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
            awaitIdle(jvm.pid());
            return new ServiceUnderTest(jvm, gcLog, server.connect(databaseName), apiPassword, port, jmx);
        } catch (Exception | Error e) {
            jvm.close();
            throw e;
        }
    }

    long pid() {
        return jvm.pid();
    }

    double uptimeSeconds() throws Exception {
        return ((Long) mbeans.getAttribute(new ObjectName("java.lang:type=Runtime"), "Uptime")) / 1000.0;
    }

    double heapUsedMb() throws Exception {
        CompositeData heap = (CompositeData) mbeans.getAttribute(new ObjectName("java.lang:type=Memory"),
                "HeapMemoryUsage");
        return ((Long) heap.get("used")) / (1024.0 * 1024.0);
    }

    /** Bytes allocated on the heap by all threads since the JVM started (JDK 14+), or -1 if not supported. */
    long allocatedBytes() {
        try {
            return (Long) mbeans.getAttribute(new ObjectName("java.lang:type=Threading"), "TotalThreadAllocatedBytes");
        } catch (Exception e) {
            return -1;
        }
    }

    ObjectName camelContext() throws Exception {
        return mbeans.queryNames(new ObjectName("org.apache.camel:type=context,*"), null).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The service registers no Camel context in JMX"));
    }

    /** Starts or stops a JFR recording named "sync" through the DiagnosticCommand MBean. */
    void flightRecorder(String operation, String... arguments) throws Exception {
        mbeans.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {arguments}, new String[] {String[].class.getName()});
    }

    long latestLogId() throws SQLException {
        try (Statement sql = database.createStatement();
             ResultSet result = sql.executeQuery("SELECT coalesce(max(id), 0) FROM sync_logs")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The newest sync_logs row after {@code afterId} as column name to value, or null if there is none yet. */
    Map<String, Object> logAfter(long afterId) throws SQLException {
        try (Statement sql = database.createStatement(); ResultSet row = sql.executeQuery(
                "SELECT id, sync_type, status, trigger, total_fetched, new_records, updated_records, failed_records, "
                        + "pages, duration_seconds, error_message FROM sync_logs WHERE id > " + afterId
                        + " ORDER BY id DESC LIMIT 1")) {
            if (!row.next()) {
                return null;
            }
            Map<String, Object> log = new HashMap<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                log.put(row.getMetaData().getColumnLabel(i), row.getObject(i));
            }
            return log;
        }
    }

    long count(String table) throws SQLException {
        try (Statement sql = database.createStatement();
             ResultSet result = sql.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Override
    public void close() {
        try {
            jmx.close();
        } catch (IOException ignored) {
            // the JVM is stopped next anyway
        }
        try {
            database.close();
        } catch (SQLException ignored) {
            // only the benchmark's own connection
        }
        jvm.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until the started service is idle (its JIT done with the start-up's code), as a scheduled run finds it,
     * so that a run's CPU is the run's own; after {@link #MOST_WAIT_FOR_IDLE} the benchmark goes on regardless.
     */
    private static void awaitIdle(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + MOST_WAIT_FOR_IDLE.toNanos();
        int quietWindows = 0;
        double before = ProcessMetrics.cpuSeconds(pid);
        while (quietWindows < 2 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            double now = ProcessMetrics.cpuSeconds(pid);
            quietWindows = now - before < IDLE_CPU_SECONDS_PER_WINDOW ? quietWindows + 1 : 0;
            before = now;
        }
    }
}
