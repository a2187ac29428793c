package com.oraclesync.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.oraclesync.OracleSyncApplication;
import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.OracleSimulator;
import com.oraclesync.simulator.SimulatedResponse;
import com.oraclesync.support.ApiClient;
import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.ServiceProcess;
import com.oraclesync.support.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Three instances on one database: two in this JVM and one child JVM that the test kills with SIGKILL while it runs
 * a sync. They must behave as one service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverTest {

    private static final String USER = "cluster";
    private static final String PASSWORD = "cluster-failover-secret";
    private static final int RECORDS = 3000;
    private static final int PAGE_SIZE = 100;

    private static final OracleSimulator oracle = OracleSimulator.start(0, USER, PASSWORD);
    private static final List<ConfigurableApplicationContext> inProcess = new ArrayList<>();
    private static String databaseUrl;
    private static ServiceProcess victim;
    private static JdbcClient jdbc;
    private static ApiClient first;
    private static ApiClient second;

    @BeforeAll
    static void startThreeInstances() {
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(61).generate(RECORDS, 1L, now.minus(90, ChronoUnit.DAYS),
                now.minus(1, ChronoUnit.DAYS)));
        databaseUrl = TestPostgres.databaseUrl("ClusterFailoverTest");
        first = new ApiClient(startInProcess());
        second = new ApiClient(startInProcess());
        jdbc = inProcess.get(0).getBean(JdbcClient.class);
        victim = ServiceProcess.start("cluster-failover-victim", databaseUrl, Map.of(
                        "ORACLE_BASE_URL", oracle.baseUrl().toString(),
                        "ORACLE_USER", USER,
                        "ORACLE_PASS", PASSWORD,
                        "SYNC_RUN_ON_STARTUP", "false"),
                "--sync.page-size=" + PAGE_SIZE);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> victim.api().get("/actuator/health").status() == 200);
    }

    @AfterAll
    static void stopInstances() throws InterruptedException {
        victim.close();
        inProcess.forEach(ConfigurableApplicationContext::close);
        oracle.close();
    }

    @Test
    @Order(1)
    void triggersOnThreeInstancesAtOneMomentStartExactlyOneRun() throws Exception {
        // when
        List<Response> answers = atOneMoment(List.of(
                () -> first.post("/api/sync"), () -> second.post("/api/sync"), () -> victim.api().post("/api/sync")));

        // then
        List<Response> accepted = answers.stream().filter(answer -> answer.status() == 202).toList();
        List<Response> refused = answers.stream().filter(answer -> answer.status() == 409).toList();
        assertThat(accepted).hasSize(1);
        assertThat(refused).hasSize(2);
        long runId = accepted.get(0).json().get("sync_log_id").asLong();
        assertThat(refused).allSatisfy(answer ->
                assertThat(answer.json().get("running_sync_log_id").asLong()).isEqualTo(runId));
        assertThat(awaitEnded(runId)).containsEntry("status", "SUCCESS").containsEntry("total_fetched", RECORDS);
        assertThat(count("SELECT count(*) FROM sync_logs")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void runOfAKilledInstanceIsCompletedByAnotherFromItsCheckpoint() throws Exception {
        // given: a FULL run on the child instance, with pages that take a while
        oracle.onRequest((request, store) -> SimulatedResponse.delayThenServe(Duration.ofMillis(120)));
        long victimRun = victim.api().post("/api/sync?mode=full").json().get("sync_log_id").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> (Integer) log(victimRun).get("pages") >= 4);
        JsonNode status = second.get("/api/sync/status").json();
        assertThat(status.get("running").asBoolean()).isTrue();
        assertThat(status.get("last_run").get("id").asLong()).isEqualTo(victimRun);
        assertThat(status.get("last_run").get("instance_id").asText()).isEqualTo(log(victimRun).get("instance_id"));

        // when: it dies, and PostgreSQL ends its session
        victim.kill();
        await().atMost(Duration.ofSeconds(30)).until(() -> advisoryLocks() == 0);
        int committedPages = (Integer) log(victimRun).get("pages");
        oracle.onRequest(null);
        oracle.clearRequests();
        Response takeOver = first.post("/api/sync");

        // then: another instance closes the dead run and finishes the FULL run from its checkpoint
        assertThat(takeOver.status()).isEqualTo(202);
        long resumedRun = takeOver.json().get("sync_log_id").asLong();
        assertThat(awaitEnded(resumedRun)).containsEntry("sync_type", "FULL").containsEntry("status", "SUCCESS")
                .containsEntry("total_fetched", RECORDS - committedPages * PAGE_SIZE);
        assertThat(log(victimRun)).containsEntry("status", "FAILED");
        assertThat((String) log(victimRun).get("error_message")).startsWith("interrupted");
        assertThat(oracle.requests().get(0).q()).contains("OptyId >");
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(RECORDS);
        assertThat(count("SELECT count(DISTINCT remote_id) FROM opportunities")).isEqualTo(RECORDS);
        assertThat(log(resumedRun).get("instance_id")).isNotEqualTo(log(victimRun).get("instance_id"));
    }

    private static int startInProcess() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OracleSyncApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--oracle.base-url=" + oracle.baseUrl(),
                "--oracle.user=" + USER,
                "--oracle.password=" + PASSWORD,
                "--api.password=" + ApiClient.PASSWORD,
                "--sync.page-size=" + PAGE_SIZE,
                "--sync.cron=0 0 0 1 1 ? 2099",
                "--sync.reconcile.cron=0 0 0 1 1 ? 2099",
                "--sync.run-on-startup=false",
                "--spring.quartz.scheduler-name=oracle-sync-failover-test",
                "--spring.jmx.enabled=false",
                "--camel.main.jmx-enabled=false");
        inProcess.add(context);
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static List<Response> atOneMoment(List<Callable<Response>> calls) throws Exception {
        CyclicBarrier together = new CyclicBarrier(calls.size());
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(threads.submit(() -> {
                    together.await();
                    return call.call();
                }));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Map<String, Object> awaitEnded(long runId) {
        await().atMost(Duration.ofSeconds(90)).until(() -> !"RUNNING".equals(log(runId).get("status")));
        return log(runId);
    }

    private static Map<String, Object> log(long id) {
        return jdbc.sql("SELECT * FROM sync_logs WHERE id = :id").param("id", id).query().singleRow();
    }

    private static long advisoryLocks() {
        return count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    }

    private static long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
