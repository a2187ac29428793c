package com.oraclesync.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as a child JVM on this test's classpath, so that a test can kill it with SIGKILL like a crash.
 * Its output goes to {@code target/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path output;

    private ServiceProcess(Process process, int port, Path output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Starts the service against the given database; {@code args} are Spring Boot command-line properties. */
    public static ServiceProcess start(String name, String databaseUrl, Map<String, String> environment,
                                       String... args) {
        return start(name, databaseUrl, environment, List.of("-Xmx384m"), args);
    }

    /** The same, with the JVM options given (e.g. {@code -Xmx256m}) instead of the default heap. */
    public static ServiceProcess start(String name, String databaseUrl, Map<String, String> environment,
                                       List<String> jvmOptions, String... args) {
        int port = freePort();
        List<String> command = new ArrayList<>(javaCommand(jvmOptions));
        command.addAll(List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--server.port=" + port,
                "--api.password=" + ApiClient.PASSWORD,
                "--sync.cron=0 0 0 1 1 ? 2099",
                "--sync.reconcile.cron=0 0 0 1 1 ? 2099"));
        command.addAll(List.of(args));
        return new ServiceProcess(launch(name, command, environment), port, logFile(name));
    }

    /**
     * Starts the service configured only by {@code environment} (as a user would: {@code DATABASE_URL},
     * {@code SYNC_CRON}, ...) and {@code args}. {@code SERVER_PORT} defaults to a free port, {@code SYNC_API_PASSWORD}
     * to the tests' one, and the start-up run is off unless the environment turns it on.
     */
    public static ServiceProcess startConfigured(String name, Map<String, String> environment, String... args) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "SERVER_PORT", String.valueOf(freePort()),
                "SYNC_API_PASSWORD", ApiClient.PASSWORD,
                "SYNC_RUN_ON_STARTUP", "false"));
        settings.putAll(environment);
        List<String> command = new ArrayList<>(javaCommand(List.of("-Xmx384m")));
        command.addAll(List.of(args));
        return new ServiceProcess(launch(name, command, settings), Integer.parseInt(settings.get("SERVER_PORT")),
                logFile(name));
    }

    /** {@link #startConfigured}, then waits for the exit that a failed start-up ends in. */
    public static Exit runUntilExit(String name, Map<String, String> environment, String... args)
            throws InterruptedException {
        return startConfigured(name, environment, args).awaitExit();
    }

    /** Everything the process has written so far. */
    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Exit awaitExit() throws InterruptedException {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException("The service did not exit within 90 s; see " + output);
        }
        return new Exit(process.exitValue(), output());
    }

    /** How a child JVM ended: its exit code and everything it wrote. */
    public record Exit(int code, String output) {
    }

    private static List<String> javaCommand(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "com.oraclesync.OracleSyncApplication"));
        return command;
    }

    private static Process launch(String name, List<String> command, Map<String, String> environment) {
        Path output = logFile(name);
        try {
            Files.createDirectories(output.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(new File(System.getProperty("user.dir")))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            // the suite's tests describe the sequential path request by request; a test of parallel slices says so
            builder.environment().put("SYNC_PARALLELISM", "1");
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the service as a child JVM", e);
        }
    }

    private static Path logFile(String name) {
        return Path.of("target", name + ".log");
    }

    public int port() {
        return port;
    }

    public ApiClient api() {
        return new ApiClient(port);
    }

    /** SIGKILL: the process gets no chance to close anything, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM and a graceful shutdown; true when it ended within the time given. */
    public boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
