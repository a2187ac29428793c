package com.oraclesync.sync;

import com.oraclesync.oracle.OracleLimitExceededException;
import com.oraclesync.oracle.OracleResponseException;
import com.oraclesync.oracle.OracleRetryState;
import com.oraclesync.oracle.OracleTokenRejectedException;
import com.oraclesync.oracle.OracleTokenUnavailableException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.apache.camel.util.ObjectHelper.getException;

/**
 * Turns the exception that ended a run into a message an operator can act on: what failed, where (the resource's
 * scheme, host and path, never credentials or the query) and what to check.
 */
final class SyncFailures {

    private static final String RESUMES = "; the next run resumes from the checkpoint";

    /** Failures whose own message already says what failed, where and what to do. */
    private static final List<Class<? extends Exception>> SELF_DESCRIBING = List.of(RunLockLostException.class,
            PageOutOfOrderException.class, MassDeletionRefusedException.class, OracleLimitExceededException.class,
            OracleResponseException.class);

    private SyncFailures() {
    }

    /**
     * @param oracleResource the Oracle resource of the run, named in messages about Oracle
     * @param retries        the retries of the page request that failed, or null when the failure was not Oracle's
     */
    static String describe(Throwable failure, String oracleResource, OracleRetryState retries) {
        String message = describe(failure, oracleResource);
        return retries == null ? message : message + " (" + retries.summary() + ")";
    }

    static String describe(Throwable failure, String oracleResource) {
        if (failure == null) {
            return "unknown failure";
        }
        OracleTokenRejectedException tokenRejected = getException(OracleTokenRejectedException.class, failure);
        if (tokenRejected != null) {
            return tokenRejected.getMessage();
        }
        OracleTokenUnavailableException noToken = getException(OracleTokenUnavailableException.class, failure);
        if (noToken != null) {
            return noToken.getMessage() + RESUMES;
        }
        HttpOperationFailedException http = getException(HttpOperationFailedException.class, failure);
        if (http != null) {
            return describeHttp(http, oracleResource);
        }
        for (Class<? extends Exception> selfDescribing : SELF_DESCRIBING) {
            Exception described = getException(selfDescribing, failure);
            if (described != null) {
                return described.getMessage();
            }
        }
        if (getException(SocketTimeoutException.class, failure) != null) {
            return "Oracle did not answer within oracle.read-timeout at " + oracleResource + " (" + rootMessage(failure)
                    + "); raise ORACLE_READ_TIMEOUT or lower SYNC_PAGE_SIZE" + RESUMES;
        }
        if (getException(UnknownHostException.class, failure) != null
                || getException(ConnectException.class, failure) != null) {
            return "Could not connect to Oracle at " + oracleResource + " (" + rootMessage(failure)
                    + "); check ORACLE_BASE_URL, ORACLE_CONNECT_TIMEOUT and the network" + RESUMES;
        }
        if (getException(NoHttpResponseException.class, failure) != null
                || getException(SocketException.class, failure) != null) {
            return "The connection to Oracle at " + oracleResource + " broke before a response (" + rootMessage(failure)
                    + "); a proxy or the network dropped it" + RESUMES;
        }
        // a failed rollback hides the failure that caused it, which says more
        TransactionSystemException rollback = getException(TransactionSystemException.class, failure);
        Throwable database = rollback != null && rollback.getApplicationException() != null
                ? rollback.getApplicationException() : failure;
        if (isDatabaseUnreachable(database) || isDatabaseUnreachable(failure)) {
            return "PostgreSQL is unreachable (" + databaseMessage(database) + "); check that it is running and "
                    + "DATABASE_URL / SPRING_DATASOURCE_URL. The page was rolled back and the checkpoint is intact, so "
                    + "the next run after the database is back resumes from it";
        }
        if (getException(DataAccessException.class, failure) != null || getException(SQLException.class, failure) != null
                || getException(TransactionException.class, failure) != null) {
            return "PostgreSQL failed: " + databaseMessage(database) + "; the page was rolled back and the checkpoint "
                    + "is intact, so the next run resumes from it";
        }
        return failure.getClass().getSimpleName() + ": " + rootMessage(failure);
    }

    private static boolean isDatabaseUnreachable(Throwable failure) {
        if (getException(CannotGetJdbcConnectionException.class, failure) != null
                || getException(CannotCreateTransactionException.class, failure) != null
                || getException(DataAccessResourceFailureException.class, failure) != null
                || getException(SQLTransientConnectionException.class, failure) != null) {
            return true;
        }
        for (Throwable current = failure; current != null && current.getCause() != current; current = current.getCause()) {
            // SQLState class 08 is "connection exception"; 57P01-57P03 are the server shutting down or starting
            if (current instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static String describeHttp(HttpOperationFailedException http, String oracleResource) {
        int status = http.getStatusCode();
        String where = " for " + withoutQueryOrCredentials(http.getUri(), oracleResource);
        return switch (status) {
            case 401 -> "Oracle rejected the credentials (HTTP 401)" + where + "; check ORACLE_USER / ORACLE_PASS";
            case 403 -> "Oracle refused access (HTTP 403)" + where
                    + "; the integration user needs a role that can read " + lastSegment(oracleResource);
            case 404 -> "Oracle has no such resource (HTTP 404)" + where + "; check ORACLE_BASE_URL and ORACLE_API_VERSION";
            case 400 -> "Oracle rejected the request (HTTP 400)" + where + ": " + abbreviate(http.getResponseBody())
                    + "; check oracle.q-timestamp-pattern, the resource's sync.resources.<name>.fields (ORACLE_FIELDS for opportunities)"
                    + " and oracle.rest-framework-version";
            case 429 -> "Oracle kept throttling the requests (HTTP 429)" + where
                    + "; lower the load on the tenant or raise ORACLE_RETRY_MAX_WAIT" + RESUMES;
            default -> "Oracle answered HTTP " + status + where + (status >= 500
                    ? ": Oracle, or a proxy in front of it, is failing or overloaded" + RESUMES : "");
        };
    }

    /** Scheme, host, port and path of the request: never the user info or the query. */
    private static String withoutQueryOrCredentials(String uri, String oracleResource) {
        if (uri == null) {
            return oracleResource;
        }
        try {
            URI parsed = URI.create(uri);
            return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() > 0 ? ":" + parsed.getPort() : "")
                    + parsed.getRawPath();
        } catch (IllegalArgumentException notAUri) {
            return oracleResource;
        }
    }

    private static String lastSegment(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 297) + "..." : flat;
    }

    /** PostgreSQL's own words: the first SQLException's message, else the root cause's. */
    private static String databaseMessage(Throwable failure) {
        SQLException sql = getException(SQLException.class, failure);
        return sql != null && sql.getMessage() != null ? sql.getMessage().replaceAll("\\s+", " ").trim()
                : rootMessage(failure);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
