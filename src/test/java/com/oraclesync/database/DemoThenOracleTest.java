package com.oraclesync.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.OracleSimulator;
import com.oraclesync.support.ServiceProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/** A newcomer's first hour: the demo, then the same checkout pointed at their Oracle, still with no DATABASE_URL. */
class DemoThenOracleTest {

    private static final Path DATA = Path.of("target", "demo-then-oracle-test", "data");

    @Test
    void aStartConfiguredForOracleAfterTheDemoSyncsEverythingIntoAnEmptyDatabaseAndSaysSo() throws Exception {
        // given: a demo run (its watermark is 2025-10-31), stopped
        FileSystemUtils.deleteRecursively(DATA);
        Map<String, String> noDatabase = Map.of(
                "DATABASE_EMBEDDED_DATA_DIRECTORY", DATA.toString(),
                "DATABASE_EMBEDDED_PORT", String.valueOf(freePort()),
                "SYNC_RUN_ON_STARTUP", "true");
        try (ServiceProcess demo = ServiceProcess.startConfigured("demo-then-oracle-test-demo",
                with(noDatabase, "DEMO_RECORDS", "200"))) {
            await().atMost(Duration.ofSeconds(90)).until(() -> demo.output().contains("Sync 1 SUCCESS: 200 fetched"));
            assertThat(demo.stop()).as("exited within 30 s").isTrue();
        }

        try (OracleSimulator oracle = OracleSimulator.start(0, "integration.user", "integration-secret")) {
            // the records of this Oracle are all older than the demo's watermark
            oracle.store().putAll(new OpportunityGenerator(5).generate(120, 1L,
                    Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z")));

            // when
            try (ServiceProcess real = ServiceProcess.startConfigured("demo-then-oracle-test-oracle",
                    with(noDatabase, "ORACLE_BASE_URL", oracle.baseUrl().toString(),
                            "ORACLE_USER", "integration.user", "ORACLE_PASS", "integration-secret"))) {
                await().atMost(Duration.ofSeconds(90)).until(() -> real.output().contains("Sync 1 SUCCESS"));

                // then: a FULL run of every record into a database of its own, and the log says why
                assertThat(real.output())
                        .contains("started an embedded PostgreSQL for Oracle (ORACLE_BASE_URL; the demo's data, if any, "
                                + "stays in " + DATA.resolve("demo").toAbsolutePath() + ")")
                        .contains("with its data in " + DATA.resolve("embedded").toAbsolutePath() + " (new: it starts empty)")
                        .contains("Sync 1 started: FULL of opportunities (all records), trigger STARTUP")
                        .contains("Sync 1 SUCCESS: 120 fetched (120 new,")
                        .doesNotContain("INCREMENTAL", "DEMO MODE");
                assertThat(String.valueOf(oracle.requests().get(0).q())).doesNotContain("LastUpdateDate >=");
                JsonNode stored = real.api().get("/api/opportunities?limit=200").json();
                assertThat(stored.get("total").asLong()).isEqualTo(120);
                assertThat(StreamSupport.stream(stored.get("items").spliterator(), false)
                        .map(row -> row.get("remote_id").asLong())).allMatch(id -> id >= 1 && id <= 120);
                assertThat(real.stop()).isTrue();
            }
        }
    }

    private static Map<String, String> with(Map<String, String> base, String... keysAndValues) {
        Map<String, String> environment = new HashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            environment.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return environment;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
