package com.oraclesync.jmx;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oraclesync.support.ApiClient.Response;
import com.oraclesync.support.ApiTestSupport;
import com.oraclesync.support.OracleGate;
import com.oraclesync.support.SameMoment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SyncControl MBean, reached through a real JMX connection on loopback, as jmxterm reaches it. */
class SyncControlJmxTest extends ApiTestSupport {

    private static final Pattern STARTED = Pattern.compile("Started sync (\\d+) \\((\\w+)\\).*");

    private static LoopbackJmxServer jmxServer;

    private final ObjectName control = objectName(SyncControl.objectName("opportunities"));
    private JMXConnector connector;
    private MBeanServerConnection mbeans;

    @BeforeAll
    static void startJmxConnector() {
        jmxServer = LoopbackJmxServer.start();
    }

    @AfterAll
    static void stopJmxConnector() throws Exception {
        jmxServer.close();
    }

    @BeforeEach
    void connectJmx() throws Exception {
        connector = jmxServer.connect();
        mbeans = LoopbackJmxServer.mbeans(connector);
    }

    @AfterEach
    void disconnectJmx() throws Exception {
        connector.close();
    }

    @Test
    void startIncrementalSyncRunsFullFirstThenIncrementalAndTheRunsHappen() throws Exception {
        // given
        givenOracleHas(3);

        // when
        String first = invoke("startIncrementalSync");
        long firstId = startedLogId(first);
        awaitRunEnded(firstId);
        oracle.store().put(opportunity(4L).lastUpdate(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build());
        String second = invoke("startIncrementalSync");
        long secondId = startedLogId(second);

        // then
        assertThat(first).startsWith("Started sync " + firstId + " (FULL)");
        assertThat(log(firstId)).containsEntry("trigger", "JMX").containsEntry("status", "SUCCESS")
                .containsEntry("total_fetched", 3).containsEntry("new_records", 3);
        assertThat(second).startsWith("Started sync " + secondId + " (INCREMENTAL)");
        assertThat(awaitRunEnded(secondId)).containsEntry("trigger", "JMX").containsEntry("sync_type", "INCREMENTAL")
                .containsEntry("new_records", 1).containsEntry("status", "SUCCESS");
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(4);
    }

    @Test
    void startFullSyncRunsFullEvenWithAWatermark() throws Exception {
        // given
        givenOracleHas(2);
        runSync();

        // when
        String answer = invoke("startFullSync");

        // then
        long logId = startedLogId(answer);
        assertThat(answer).contains("(FULL)");
        assertThat(awaitRunEnded(logId)).containsEntry("sync_type", "FULL").containsEntry("trigger", "JMX")
                .containsEntry("total_fetched", 2);
    }

    @Test
    void statusOperationAndRunningAttributeDescribeTheLastRun() throws Exception {
        // given
        givenOracleHas(2);
        long logId = (Long) runSync().get("id");

        // when
        String status = invoke("status");
        Object running = mbeans.getAttribute(control, "Running");

        // then
        JsonNode json = new ObjectMapper().readTree(status);
        assertThat(json.get("running").asBoolean()).isFalse();
        assertThat(json.get("last_run").get("id").asLong()).isEqualTo(logId);
        assertThat(json.get("last_run").get("status").asText()).isEqualTo("SUCCESS");
        assertThat(json.get("watermark").get("opty_id").asLong()).isEqualTo(1);
        assertThat(running).isEqualTo(false);
    }

    @Test
    void aJmxTriggerWhileARunIsInProgressIsRefusedAndStartsNothing() throws Exception {
        // given
        givenOracleHas(2);
        OracleGate gate = holdOracleAfter(0);
        long running = startedLogId(invoke("startIncrementalSync"));
        gate.awaitHeld();

        // when
        String refused = invoke("startFullSync");

        // then
        assertThat(refused).isEqualTo("Not started: A sync is already running (sync_logs id " + running
                + "); nothing was started");
        assertThat(mbeans.getAttribute(control, "Running")).isEqualTo(true);
        assertThat(count("SELECT count(*) FROM sync_logs")).isEqualTo(1);
    }

    @Test
    void simultaneousHttpAndJmxTriggersStartExactlyOneRun() throws Exception {
        // given
        givenOracleHas(2);
        holdOracleAfter(0);

        // when
        SameMoment.Both<Response, String> answers = SameMoment.run(() -> api.post("/api/sync"),
                () -> invoke("startIncrementalSync"));

        // then: exactly one started, and the other names it
        Response httpAnswer = answers.first();
        String jmxAnswer = answers.second();
        assertThat(count("SELECT count(*) FROM sync_logs")).isEqualTo(1);
        long logId = jdbc.sql("SELECT id FROM sync_logs").query(Long.class).single();
        if (httpAnswer.status() == 202) {
            assertThat(httpAnswer.json().get("sync_log_id").asLong()).isEqualTo(logId);
            assertThat(jmxAnswer).isEqualTo("Not started: A sync is already running (sync_logs id " + logId
                    + "); nothing was started");
            assertThat(log(logId)).containsEntry("trigger", "HTTP");
        } else {
            assertThat(httpAnswer.status()).isEqualTo(409);
            assertThat(httpAnswer.json().get("running_sync_log_id").asLong()).isEqualTo(logId);
            assertThat(startedLogId(jmxAnswer)).isEqualTo(logId);
            assertThat(log(logId)).containsEntry("trigger", "JMX");
        }
    }

    @Test
    void aBadModeIsRefusedWithAMessageThatNamesIt() {
        // when / then
        assertThatThrownBy(() -> mbeans.invoke(control, "startSync", new Object[] {"bogus"},
                new String[] {String.class.getName()}))
                .satisfies(e -> assertThat(allMessages(e)).contains("mode must be one of incremental, full, reconcile"));
        assertThat(count("SELECT count(*) FROM sync_logs")).isZero();
    }

    private String invoke(String operation) throws Exception {
        return (String) mbeans.invoke(control, operation, null, null);
    }

    private static long startedLogId(String answer) {
        Matcher matcher = STARTED.matcher(answer);
        assertThat(matcher.matches()).as(answer).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String allMessages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable current = failure; current != null; current = current.getCause()) {
            messages.append(current.getClass().getName()).append(": ").append(current.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private void givenOracleHas(int records) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (long id = 1; id <= records; id++) {
            oracle.store().put(opportunity(id).lastUpdate(now.minus(id, ChronoUnit.MINUTES)).build());
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
