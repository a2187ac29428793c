package com.oraclesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

class SyncFailuresTest {

    private static final String RESOURCE = "https://tenant.example.com/crmRestApi/resources/latest/opportunities";

    @Test
    void httpFailureNamesTheResourceWithoutUserInfoOrQuery() {
        HttpOperationFailedException throttled = new HttpOperationFailedException(
                "https://user:secret@tenant.example.com/crmRestApi/resources/latest/opportunities?limit=500&q=x",
                429, "Too Many Requests", null, Map.of(), "{}");

        assertThat(SyncFailures.describe(throttled, RESOURCE)).isEqualTo("Oracle kept throttling the requests "
                + "(HTTP 429) for " + RESOURCE + "; lower the load on the tenant or raise ORACLE_RETRY_MAX_WAIT; "
                + "the next run resumes from the checkpoint");
    }

    @Test
    void connectionRefusedSaysWhatToCheck() {
        assertThat(SyncFailures.describe(new RuntimeException(new ConnectException("Connection refused")), RESOURCE))
                .isEqualTo("Could not connect to Oracle at " + RESOURCE + " (Connection refused); check ORACLE_BASE_URL, "
                        + "ORACLE_CONNECT_TIMEOUT and the network; the next run resumes from the checkpoint");
    }

    @Test
    void failedRollbackIsDescribedByTheFailureBehindIt() {
        TransactionSystemException rollback = new TransactionSystemException("Could not roll back JDBC transaction",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new SQLException("An I/O error occurred while sending to the backend.",
                "08006"));

        assertThat(SyncFailures.describe(rollback, RESOURCE)).startsWith(
                "PostgreSQL is unreachable (An I/O error occurred while sending to the backend.); check that it is "
                        + "running and DATABASE_URL / SPRING_DATASOURCE_URL");
    }

    @Test
    void refusedReconcileKeepsItsOwnMessage() {
        assertThat(SyncFailures.describe(new MassDeletionRefusedException("Reconcile refused to mark …"), RESOURCE))
                .isEqualTo("Reconcile refused to mark …");
    }
}
