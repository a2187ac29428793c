package com.oraclesync.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/** A real PostgreSQL server started from the embedded binaries, keeping its data in a local folder. */
public final class EmbeddedDatabase implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    /** {@code port} 0 = any free port; {@code purpose} says in the log whose data the directory keeps. */
    public EmbeddedDatabase(Path configuredDirectory, int port, String purpose) {
        Path dataDirectory = configuredDirectory.toAbsolutePath();
        if (port > 0) {
            requireFree(port);
        }
        boolean fresh = !Files.exists(dataDirectory.resolve("PG_VERSION"));
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // stopped by destroy(), after the sync and the connection pool; its own JVM shutdown hook would
                    // stop it under a running sync at Ctrl+C
                    .setRegisterShutdownHook(false);
            this.postgres = (port > 0 ? builder.setPort(port) : builder).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + "; set DATABASE_URL to use a PostgreSQL server instead", e);
        }
        log.info("No database configured (DATABASE_URL / SPRING_DATASOURCE_URL): started an embedded PostgreSQL {} on port {} "
                + "with its data in {}{}; connect with: psql -h localhost -p {} -U postgres", purpose, postgres.getPort(),
                dataDirectory, fresh ? " (new: it starts empty)" : "", postgres.getPort());
    }

    /** A server that cannot bind its port is not noticed: the start-up wait would connect to whoever holds it. */
    private static void requireFree(int port) {
        try {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
        } catch (IOException e) {
            throw new EmbeddedPortInUseException(port);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void destroy() throws IOException {
        postgres.close();
    }
}
