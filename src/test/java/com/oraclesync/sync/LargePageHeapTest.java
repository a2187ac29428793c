package com.oraclesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.OracleSimulator;
import com.oraclesync.support.OracleBodies;
import com.oraclesync.support.PageFaults;
import com.oraclesync.support.ServiceProcess;
import com.oraclesync.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The service in a JVM with the 256 MB heap the README promises, against a 100 MB page from Oracle. */
class LargePageHeapTest {

    private static final String USER = "integration";
    private static final String PASSWORD = "large-page-secret";

    @Test
    void aHundredMegabytePageFailsTheRunInA256MegabyteHeapAndTheServiceStaysUp() throws Exception {
        // given
        String databaseUrl = TestPostgres.databaseUrl(getClass().getSimpleName());
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(databaseUrl, "postgres", ""));
        try (OracleSimulator oracle = OracleSimulator.start(0, USER, PASSWORD)) {
            Instant now = Instant.now();
            oracle.store().putAll(new OpportunityGenerator(29).generate(30, 1L, now.minus(3, ChronoUnit.DAYS),
                    now.minus(1, ChronoUnit.DAYS)));
            oracle.onRequest(new PageFaults().onPage(2, OracleBodies.pageOfBytes(100L * 1024 * 1024)));

            // when: the start-up run meets the page
            try (ServiceProcess service = ServiceProcess.start("large-page-heap", databaseUrl, Map.of(
                            "ORACLE_BASE_URL", oracle.baseUrl().toString(),
                            "ORACLE_USER", USER,
                            "ORACLE_PASS", PASSWORD,
                            "SYNC_RUN_ON_STARTUP", "true"),
                    List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"), "--sync.page-size=10")) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                        .until(() -> jdbc.sql("SELECT status FROM sync_logs WHERE id = 1").query(String.class).single(),
                                status -> !status.equals("RUNNING"));

                // then
                Map<String, Object> log = jdbc.sql("SELECT * FROM sync_logs WHERE id = 1").query().singleRow();
                assertThat(log).containsEntry("status", "FAILED").containsEntry("pages", 1);
                assertThat((String) log.get("error_message")).contains("oracle.limits.max-page-bytes (67108864 bytes)");
                assertThat(service.api().get("/actuator/health").status()).isEqualTo(200);
                assertThat(service.output()).doesNotContain("OutOfMemoryError");
            }
        }
    }
}
