package com.oraclesync.support;

import static org.awaitility.Awaitility.await;

import com.oraclesync.sync.SyncRunLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Drives the service over real HTTP; runs started in the background are waited for before the next test. */
public abstract class ApiTestSupport extends SyncTestSupport {

    @LocalServerPort
    private int port;

    @Autowired
    protected SyncRunLock runLock;

    protected ApiClient api;

    private final List<OracleGate> gates = new ArrayList<>();

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @AfterEach
    void letRunsFinish() {
        gates.forEach(OracleGate::open);
        gates.clear();
        awaitNoRun();
    }

    /** Holds Oracle's answers from the (passing+1)-th request on, until the gate opens or the test ends. */
    protected OracleGate holdOracleAfter(int passing) {
        OracleGate gate = OracleGate.holdAfter(oracle, passing);
        gates.add(gate);
        return gate;
    }

    protected void awaitNoRun() {
        await().atMost(Duration.ofSeconds(60)).until(() -> !runLock.isHeldHere());
    }

    /** Waits until the run has closed its log and released the lock, and returns its sync_logs row. */
    protected Map<String, Object> awaitRunEnded(long logId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(log(logId).get("status")));
        awaitNoRun();
        return log(logId);
    }

    protected Map<String, Object> log(long logId) {
        return jdbc.sql("SELECT * FROM sync_logs WHERE id = :id").param("id", logId).query().singleRow();
    }
}
