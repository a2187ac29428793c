package com.oraclesync.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.simulator.OracleSimulator;
import com.oraclesync.simulator.RecordedRequest;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Starts runs the way the schedule does and reads the outcome straight from PostgreSQL and the simulator. */
@SyncIntegrationTest
public abstract class SyncTestSupport {

    @Autowired
    protected OracleSimulator oracle;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ProducerTemplate producer;

    @BeforeEach
    protected void startFromNothing() {
        oracle.onRequest(null);
        oracle.store().clear();
        oracle.clearRequests();
        jdbc.sql("TRUNCATE opportunities, sync_errors, sync_logs, sync_state_slices RESTART IDENTITY").update();
        jdbc.sql("""
                UPDATE sync_state SET watermark_ts = NULL, watermark_id = NULL, checkpoint_ts = NULL,
                    checkpoint_id = NULL, checkpoint_type = NULL, checkpoint_from = NULL, checkpoint_log_id = NULL,
                    total_records = 0, counted_rows = NULL, counted_max_id = NULL, counted_table_file = NULL,
                    last_sync_at = NULL, last_success_at = NULL, complete = false, source = NULL
                """).update();
    }

    /** Runs a sync to its end, as the scheduler does ({@code direct:} is synchronous). */
    protected Map<String, Object> runSync(String mode) {
        producer.sendBodyAndHeaders("direct:sync-opportunities", null,
                Map.of("syncMode", mode, "syncTrigger", "SCHEDULE"));
        return lastLog();
    }

    protected Map<String, Object> runSync() {
        return runSync("AUTO");
    }

    protected Map<String, Object> lastLog() {
        return jdbc.sql("SELECT * FROM sync_logs ORDER BY id DESC LIMIT 1").query().singleRow();
    }

    protected Optional<Map<String, Object>> row(long remoteId) {
        return jdbc.sql("SELECT * FROM opportunities WHERE remote_id = :id").param("id", remoteId).query().listOfRows()
                .stream().findFirst();
    }

    protected long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    protected Map<String, Object> syncState() {
        return jdbc.sql("SELECT * FROM sync_state").query().singleRow();
    }

    /** The opportunities table holds exactly Oracle's records: one row each, with its Name and LastUpdateDate. */
    protected void assertTableEqualsSource() {
        List<Map<String, Object>> source = oracle.store().all();
        assertThat(count("SELECT count(*) FROM opportunities")).isEqualTo(source.size());
        Map<Long, Map<String, Object>> stored = new HashMap<>();
        jdbc.sql("SELECT remote_id, name, oracle_updated_at FROM opportunities").query().listOfRows()
                .forEach(row -> stored.put((Long) row.get("remote_id"), row));
        for (Map<String, Object> item : source) {
            Map<String, Object> row = stored.get(((Number) item.get("OptyId")).longValue());
            assertThat(row).as("OptyId %s", item.get("OptyId")).isNotNull();
            assertThat(row.get("name")).as("OptyId %s", item.get("OptyId")).isEqualTo(item.get("Name"));
            assertThat(((Timestamp) row.get("oracle_updated_at")).toInstant()).as("OptyId %s", item.get("OptyId"))
                    .isEqualTo(OffsetDateTime.parse((String) item.get("LastUpdateDate")).toInstant());
        }
    }

    protected List<RecordedRequest> requests() {
        return oracle.requests();
    }
}
