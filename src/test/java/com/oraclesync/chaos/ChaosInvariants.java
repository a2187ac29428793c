package com.oraclesync.chaos;

import com.oraclesync.support.PagingOrder;
import com.oraclesync.support.StoredRows;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "After quiescence, PostgreSQL equals Oracle": every check of the chaos test, each violation as one line that
 * names the row or the log it is about.
 */
final class ChaosInvariants {

    private final JdbcClient jdbc;
    private final ChaosOracle model;
    private final Map<Long, String> localWorkflow;
    private final List<String> violations = new ArrayList<>();

    private ChaosInvariants(JdbcClient jdbc, ChaosOracle model, Map<Long, String> localWorkflow) {
        this.jdbc = jdbc;
        this.model = model;
        this.localWorkflow = localWorkflow;
    }

    /** The violations of every invariant, in a stable order; empty when the sync converged. */
    static List<String> check(JdbcClient jdbc, List<Map<String, Object>> oracle, ChaosOracle model,
                              Map<Long, String> localWorkflow) {
        ChaosInvariants invariants = new ChaosInvariants(jdbc, model, localWorkflow);
        invariants.rowsEqualOracle(oracle);
        invariants.logsAreClosedAndAddUp();
        invariants.errorsBelongToBadRecords();
        invariants.watermarkIsOraclesNewestPosition(oracle);
        return invariants.violations;
    }

    private void rowsEqualOracle(List<Map<String, Object>> oracle) {
        Map<Long, Map<String, Object>> rows = new HashMap<>();
        for (Map<String, Object> row : jdbc.sql("SELECT * FROM opportunities ORDER BY remote_id").query().listOfRows()) {
            if (rows.put((Long) row.get("remote_id"), row) != null) {
                violations.add("remote_id " + row.get("remote_id") + " is stored twice");
            }
        }
        for (Map<String, Object> item : oracle) {
            long id = ChaosOracle.id(item);
            Map<String, Object> row = rows.remove(id);
            if (row == null) {
                violations.add("OptyId " + id + " is in Oracle but not in PostgreSQL (LastUpdateDate "
                        + item.get("LastUpdateDate") + ")");
                continue;
            }
            StoredRows.differences(item, row).forEach(difference -> violations.add("OptyId " + id + " " + difference));
            if (row.get("deleted_at") != null) {
                violations.add("OptyId " + id + " is in Oracle but marked deleted at " + row.get("deleted_at"));
            }
            workflowRuleHeld(id, row);
        }
        rows.forEach((id, row) -> {
            if (row.get("deleted_at") == null) {
                violations.add("remote_id " + id + " is gone from Oracle but not marked deleted");
            }
        });
    }

    /** NEW on insert; a local value is kept; a closed status that Oracle set on a stored row wins. */
    private void workflowRuleHeld(long id, Map<String, Object> row) {
        String workflow = (String) row.get("workflow_status");
        String status = String.valueOf(row.get("status_code")).toUpperCase();
        String expected;
        if (ChaosOracle.CLOSED.contains(status)) {
            expected = model.closedWhileStored(id) || !workflow.equals("NEW") ? status : "NEW";
        } else {
            expected = localWorkflow.getOrDefault(id, "NEW");
        }
        if (!workflow.equals(expected)) {
            violations.add("OptyId " + id + " workflow_status: expected " + expected + ", stored " + workflow
                    + " (status_code " + row.get("status_code") + ")");
        }
    }

    private void logsAreClosedAndAddUp() {
        List<Map<String, Object>> logs = jdbc.sql("SELECT * FROM sync_logs ORDER BY id").query().listOfRows();
        long inserted = 0;
        long failed = 0;
        for (Map<String, Object> log : logs) {
            String name = "sync_logs " + log.get("id") + " (" + log.get("sync_type") + " " + log.get("status") + ")";
            if (log.get("status").equals("RUNNING") || log.get("completed_at") == null) {
                violations.add(name + " is not closed");
            }
            int fetched = (Integer) log.get("total_fetched");
            int counted = (Integer) log.get("new_records") + (Integer) log.get("updated_records")
                    + (Integer) log.get("unchanged_records") + (Integer) log.get("skipped_stale_records")
                    + (Integer) log.get("failed_records");
            if (!log.get("sync_type").equals("RECONCILE")) {
                if (counted != fetched) {
                    violations.add(name + " counts " + counted + " new, updated, unchanged, skipped and failed of "
                            + fetched + " fetched");
                }
                inserted += (Integer) log.get("new_records");
                failed += (Integer) log.get("failed_records");
            }
            if (log.get("status").equals("SUCCESS") && (Integer) log.get("failed_records") > 0) {
                violations.add(name + " is SUCCESS with failed records");
            }
        }
        long rows = jdbc.sql("SELECT count(*) FROM opportunities").query(Long.class).single();
        if (inserted != rows) {
            violations.add("the logs count " + inserted + " new records, the table holds " + rows + " rows");
        }
        long errors = jdbc.sql("SELECT count(*) FROM sync_errors").query(Long.class).single();
        if (failed != errors) {
            violations.add("the logs count " + failed + " failed records, sync_errors holds " + errors);
        }
    }

    private void errorsBelongToBadRecords() {
        jdbc.sql("SELECT remote_id FROM sync_errors WHERE remote_id IS NOT NULL").query(String.class).list()
                .stream().map(Long::valueOf).filter(id -> !model.wasEverBad(id))
                .forEach(id -> violations.add("sync_errors holds OptyId " + id + ", which was never bad"));
    }

    private void watermarkIsOraclesNewestPosition(List<Map<String, Object>> oracle) {
        Map<String, Object> state = jdbc.sql("SELECT * FROM sync_state").query().singleRow();
        Map<String, Object> newest = PagingOrder.sorted(oracle).get(oracle.size() - 1);
        Instant watermark = state.get("watermark_ts") == null ? null : ((Timestamp) state.get("watermark_ts")).toInstant();
        if (!PagingOrder.updatedAt(newest).equals(watermark) || !Long.valueOf(ChaosOracle.id(newest))
                .equals(state.get("watermark_id"))) {
            violations.add("the watermark is (" + watermark + ", " + state.get("watermark_id") + "), Oracle's newest "
                    + "record is (" + PagingOrder.updatedAt(newest) + ", " + ChaosOracle.id(newest) + ")");
        }
        if (state.get("checkpoint_id") != null) {
            violations.add("a checkpoint is left after the last run: " + state.get("checkpoint_id"));
        }
        long active = jdbc.sql("SELECT count(*) FROM opportunities WHERE deleted_at IS NULL").query(Long.class).single();
        if (!Long.valueOf(active).equals(state.get("total_records"))) {
            violations.add("sync_state.total_records is " + state.get("total_records") + ", the table holds " + active
                    + " rows not marked deleted");
        }
    }
}
