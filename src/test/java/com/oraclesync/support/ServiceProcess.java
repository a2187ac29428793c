package com.oraclesync.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service against the given database; {@code args} are Spring Boot command-line properties. */
    public static ServiceProcess start(String name, String databaseUrl, Map<String, String> environment,
                                       String... args) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "com.oraclesync.OracleSyncApplication",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--server.port=" + port,
                "--api.password=" + ApiClient.PASSWORD,
                "--sync.cron=0 0 0 1 1 ? 2099",
                "--sync.reconcile.cron=0 0 0 1 1 ? 2099"));
        command.addAll(List.of(args));
        Path output = Path.of("target", name + ".log");
        try {
            Files.createDirectories(output.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(new File(System.getProperty("user.dir")))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            return new ServiceProcess(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the service as a child JVM", e);
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
