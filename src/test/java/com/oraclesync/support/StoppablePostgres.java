package com.oraclesync.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL server that a test can stop mid-run and start again on the same port with the same data, as an
 * outage would. One per test JVM, separate from {@link TestPostgres}, which other test classes need running.
 */
public final class StoppablePostgres {

    private static final Path DATA_DIRECTORY = Path.of("target", "stoppable-postgres").toAbsolutePath();

    private static EmbeddedPostgres server;
    private static int port;

    private StoppablePostgres() {
    }

    public static synchronized String jdbcUrl() {
        if (port == 0) {
            port = freePort();
            deleteDataDirectory();
            start();
        }
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public static synchronized void stop() {
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the stoppable PostgreSQL", e);
        }
    }

    public static synchronized void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(DATA_DIRECTORY)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the stoppable PostgreSQL on port " + port, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the stoppable PostgreSQL", e);
        }
    }

    private static void deleteDataDirectory() {
        if (!Files.exists(DATA_DIRECTORY)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(DATA_DIRECTORY)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear " + DATA_DIRECTORY, e);
        }
    }
}
