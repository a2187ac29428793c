package com.oraclesync.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.oraclesync.oracle.OracleResponseException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.dao.DataAccessException;

/** Turns the exception that ended a run into a message an operator can act on; never includes credentials. */
final class SyncFailures {

    private SyncFailures() {
    }

    static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        HttpOperationFailedException http = find(failure, HttpOperationFailedException.class);
        if (http != null) {
            return describeHttp(http);
        }
        OracleResponseException response = find(failure, OracleResponseException.class);
        if (response != null) {
            return response.getMessage();
        }
        JsonProcessingException json = find(failure, JsonProcessingException.class);
        if (json != null) {
            return "Oracle's response is not valid JSON (" + json.getOriginalMessage()
                    + "); the body may be truncated by a proxy or a timeout";
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return "Oracle did not answer within oracle.read-timeout (" + rootMessage(failure)
                    + "); raise ORACLE_READ_TIMEOUT or lower SYNC_PAGE_SIZE";
        }
        if (find(failure, UnknownHostException.class) != null || find(failure, ConnectException.class) != null) {
            return "Could not connect to Oracle (" + rootMessage(failure) + "); check ORACLE_BASE_URL and the network";
        }
        DataAccessException database = find(failure, DataAccessException.class);
        if (database != null) {
            return "PostgreSQL failed: " + rootMessage(database) + "; the page was rolled back and the checkpoint "
                    + "is intact, so the next run resumes from it";
        }
        return failure.getClass().getSimpleName() + ": " + rootMessage(failure);
    }

    private static String describeHttp(HttpOperationFailedException http) {
        int status = http.getStatusCode();
        String where = " for " + withoutQuery(http.getUri());
        return switch (status) {
            case 401 -> "Oracle rejected the credentials (HTTP 401)" + where + "; check ORACLE_USER / ORACLE_PASS";
            case 403 -> "Oracle refused access (HTTP 403)" + where
                    + "; the integration user needs a role that can read opportunities";
            case 404 -> "Oracle has no such resource (HTTP 404)" + where + "; check ORACLE_BASE_URL and ORACLE_API_VERSION";
            case 400 -> "Oracle rejected the request (HTTP 400)" + where + ": " + abbreviate(http.getResponseBody())
                    + "; check oracle.q-timestamp-pattern, oracle.fields and oracle.rest-framework-version";
            default -> "Oracle answered HTTP " + status + where + (status == 429 || status >= 500
                    ? " and kept failing after the retries" : "");
        };
    }

    private static String withoutQuery(String uri) {
        if (uri == null) {
            return "the opportunities resource";
        }
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 297) + "..." : flat;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }
}
