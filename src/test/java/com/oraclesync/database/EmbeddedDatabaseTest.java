package com.oraclesync.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.oraclesync.support.ServiceProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/** The demo as a newcomer runs it: no database configured, so the service starts its embedded PostgreSQL. */
class EmbeddedDatabaseTest {

    private static final Path DATA = Path.of("target", "embedded-database-test", "data");

    private ServiceProcess demo;

    @AfterEach
    void stopTheDemo() throws InterruptedException {
        demo.close();
    }

    @Test
    void demoPrintsItsPsqlCommandAndCtrlCLetsTheRunningSyncFinishBeforeTheDatabaseStops() throws Exception {
        // given: a demo on a fixed embedded port, its first run in progress
        FileSystemUtils.deleteRecursively(DATA);
        int port = freePort();
        demo = ServiceProcess.startConfigured("embedded-database-test", Map.of(
                "DATABASE_EMBEDDED_DATA_DIRECTORY", DATA.toString(),
                "DATABASE_EMBEDDED_PORT", String.valueOf(port),
                "DEMO_RECORDS", "30000",
                "SYNC_PAGE_SIZE", "50",
                "SYNC_PROGRESS_LOG_EVERY_PAGES", "20",
                "SYNC_RUN_ON_STARTUP", "true"));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> demo.output().contains("Sync 1: 20 pages"));
        assertThat(demo.output()).contains("started an embedded PostgreSQL for the demo (the built-in simulator) on port " + port
                        + " with its data in " + DATA.resolve("demo").toAbsolutePath() + " (new: it starts empty)",
                "connect with: psql -h localhost -p " + port + " -U postgres").doesNotContain("Sync 1 SUCCESS");

        // when: Ctrl+C (SIGTERM)
        assertThat(demo.stop()).as("exited within 30 s").isTrue();

        // then: the run finished its pages, and PostgreSQL stopped only after it
        assertThat(demo.output()).contains("Sync 1 SUCCESS: 30000 fetched")
                .doesNotContain("PostgreSQL is unreachable", "\tat ");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
