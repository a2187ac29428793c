package com.oraclesync.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.oraclesync.OracleSyncApplication;
import com.oraclesync.simulator.OpportunityActivity;
import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.OracleSimulator;
import com.oraclesync.support.LogLines;
import com.oraclesync.support.TestPostgres;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Three instances of the service on one database, with a schedule that fires every two seconds. */
class ClusteredScheduleTest {

    private static final int INSTANCES = 3;
    private static final OracleSimulator oracle = OracleSimulator.start(0, "cluster", "cluster-secret");
    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private static final LogLines refusedTriggers = LogLines.of("com.oraclesync.sync.SyncTriggers");
    private static JdbcClient jdbc;

    @BeforeAll
    static void startThreeInstances() {
        Instant now = Instant.now();
        oracle.store().putAll(new OpportunityGenerator(17).generate(800, 1L, now.minus(9, ChronoUnit.DAYS),
                now.minus(1, ChronoUnit.DAYS)));
        OpportunityActivity activity = new OpportunityActivity(oracle.store(), 3);
        oracle.onRequest((request, store) -> {
            activity.step(3, 1);
            return null;
        });
        String databaseUrl = TestPostgres.databaseUrl("ClusteredScheduleTest");
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(new SpringApplicationBuilder(OracleSyncApplication.class)
                    .run(
                    "--server.port=0",
                    "--spring.datasource.url=" + databaseUrl,
                    "--spring.datasource.username=postgres",
                    "--oracle.base-url=" + oracle.baseUrl(),
                    "--oracle.user=cluster",
                    "--oracle.password=cluster-secret",
                    "--sync.cron=0/2 * * * * ?",
                    "--sync.run-on-startup=false",
                    "--spring.quartz.scheduler-name=oracle-sync-schedule-test",
                    "--spring.jmx.enabled=false",
                    "--camel.main.jmx-enabled=false"));
        }
        jdbc = instances.get(0).getBean(JdbcClient.class);
    }

    @AfterAll
    static void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
        oracle.close();
        refusedTriggers.close();
    }

    @Test
    void eachFireRunsOnceAndNeverTwoAtOnce() {
        // when: the three schedulers share one schedule for a while
        await().atMost(Duration.ofSeconds(40)).until(() -> scheduledRuns().size() >= 6);

        // then: no fire reached a second instance: none was refused by the run lock, and there are no more runs
        // than fires (every two seconds) between the first run and the last
        List<Map<String, Object>> runs = scheduledRuns();
        assertThat(refusedTriggers.messages()).filteredOn(line -> line.contains("Sync not started")).isEmpty();
        Instant firstStart = ((Timestamp) runs.get(0).get("started_at")).toInstant();
        Instant lastStart = ((Timestamp) runs.get(runs.size() - 1).get("started_at")).toInstant();
        long fires = Duration.between(firstStart, lastStart).toMillis() / 2000 + 1;
        assertThat((long) runs.size()).as("runs against fires").isLessThanOrEqualTo(fires + 1);
        // and the runs never overlapped: one at a time across the cluster, each completed
        for (int i = 1; i < runs.size(); i++) {
            Instant previousEnd = ((Timestamp) runs.get(i - 1).get("completed_at")).toInstant();
            Instant start = ((Timestamp) runs.get(i).get("started_at")).toInstant();
            assertThat(start).as("run %s starts after run %s ended", runs.get(i).get("id"), runs.get(i - 1).get("id"))
                    .isAfter(previousEnd);
        }
        assertThat(runs).allSatisfy(run -> assertThat(run.get("status")).isIn("SUCCESS", "PARTIAL"));
        assertThat(runs).allSatisfy(run -> assertThat((String) run.get("instance_id")).isNotBlank());
        List<String> checkedIn = jdbc.sql("SELECT instance_name FROM qrtz_scheduler_state WHERE sched_name = :name")
                .param("name", "oracle-sync-schedule-test").query(String.class).list();
        assertThat(checkedIn).as("the three schedulers checked in to one cluster").containsAll(instances.stream()
                .map(ClusteredScheduleTest::schedulerInstanceId).toList());
    }

    private static String schedulerInstanceId(ConfigurableApplicationContext instance) {
        try {
            return instance.getBean(Scheduler.class).getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> scheduledRuns() {
        return jdbc.sql("SELECT * FROM sync_logs WHERE trigger = 'SCHEDULE' AND status <> 'RUNNING' ORDER BY started_at")
                .query().listOfRows();
    }

    private static long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
