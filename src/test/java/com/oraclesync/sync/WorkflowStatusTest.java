package com.oraclesync.sync;

import static com.oraclesync.support.Opportunities.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.support.SyncTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowStatusTest extends SyncTestSupport {

    @Test
    void updateKeepsLocalWorkflowStatusWhileOpen() {
        // given
        oracle.store().put(opportunity(1L).statusCode("OPEN").build());
        runSync();
        givenLocalWorkflowStatus(1L, "IN_REVIEW");
        oracle.store().update(1L, Map.of("SalesStage", "Propose"));

        // when
        runSync();

        // then
        assertThat(row(1L).orElseThrow()).containsEntry("stage", "Propose").containsEntry("workflow_status", "IN_REVIEW");
    }

    @Test
    void closedStatusReplacesWorkflowStatusUpperCased() {
        // given
        oracle.store().put(opportunity(1L).statusCode("OPEN").build());
        oracle.store().put(opportunity(2L).statusCode("OPEN").build());
        runSync();
        givenLocalWorkflowStatus(1L, "IN_REVIEW");
        givenLocalWorkflowStatus(2L, "IN_REVIEW");
        oracle.store().update(1L, Map.of("StatusCode", "won"));
        oracle.store().update(2L, Map.of("StatusCode", "LOST"));

        // when
        runSync();

        // then
        assertThat(row(1L).orElseThrow()).containsEntry("workflow_status", "WON").containsEntry("status_code", "won");
        assertThat(row(2L).orElseThrow()).containsEntry("workflow_status", "LOST");
    }

    @Test
    void fullRunKeepsWorkflowStatuses() {
        // given
        oracle.store().put(opportunity(1L).statusCode("OPEN").build());
        runSync();
        givenLocalWorkflowStatus(1L, "APPROVED");

        // when
        runSync("FULL");

        // then
        assertThat(row(1L).orElseThrow()).containsEntry("workflow_status", "APPROVED");
    }

    private void givenLocalWorkflowStatus(long remoteId, String status) {
        jdbc.sql("UPDATE opportunities SET workflow_status = :status WHERE remote_id = :id")
                .param("status", status).param("id", remoteId).update();
    }
}
