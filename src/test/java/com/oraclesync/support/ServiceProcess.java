package com.oraclesync.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres"));
        arguments.addAll(List.of(args));
        return launch(name, environment, jvmOptions, arguments);
    }

    /**
     * Starts the service with only the environment given and none of the parent's {@code ORACLE_*},
     * {@code DATABASE_URL}, {@code SPRING_DATASOURCE_*} or {@code DEMO_*} variables.
     */
    public static ServiceProcess startWithEnvironment(String name, Map<String, String> environment) {
        return launch(name, environment, List.of("-Xmx384m"), List.of());
    }

    private static ServiceProcess launch(String name, Map<String, String> environment, List<String> jvmOptions,
                                         List<String> args) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "com.oraclesync.OracleSyncApplication",
                "--server.port=" + port,
                "--api.password=" + ApiClient.PASSWORD,
                "--sync.cron=0 0 0 1 1 ? 2099",
                "--sync.reconcile.cron=0 0 0 1 1 ? 2099"));
        command.addAll(args);
        Path output = Path.of("target", name + ".log");
        try {
            Files.createDirectories(output.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(new File(System.getProperty("user.dir")))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(variable -> variable.startsWith("ORACLE_")
                    || variable.startsWith("DATABASE_") || variable.startsWith("SPRING_DATASOURCE_")
                    || variable.startsWith("DEMO_"));
            builder.environment().putAll(environment);
            return new ServiceProcess(builder.start(), port, output);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the service as a child JVM", e);
        }
    }

    /** The exit code, once the process has ended within the time given; else empty. */
    public Optional<Integer> awaitExit(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(process.exitValue())
                : Optional.empty();
    }

    /** Everything the process has written to stdout and stderr so far. */
    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
