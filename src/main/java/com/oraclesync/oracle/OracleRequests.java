package com.oraclesync.oracle;

import com.oraclesync.mapping.KeysetPosition;
import com.oraclesync.resource.SyncResource;
import com.oraclesync.sync.RunSlice;
import com.oraclesync.sync.SyncRun;
import com.oraclesync.sync.SyncType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the query of the next page request. Paging is keyset ("seek") paging: every page asks for the records
 * after the last committed one in (cursor field, key field) order, always at offset 0, so records inserted or
 * updated while a run pages never shift a page boundary, and any number of records sharing one cursor value stay in
 * order. The route's {@code <name>Requests} bean.
 */
public class OracleRequests {

    private final int pageSize;
    private final String updatedAtField;
    private final String remoteIdField;
    private final List<String> fields;
    private final String finder;
    private final DateTimeFormatter timestampFormat;

    public OracleRequests(SyncResource resource, OracleProperties oracle) {
        this.pageSize = resource.pageSize();
        this.updatedAtField = resource.cursorField();
        this.remoteIdField = resource.keyField();
        this.fields = resource.fields();
        this.finder = resource.finder();
        this.timestampFormat = DateTimeFormatter.ofPattern(oracle.qTimestampPattern()).withZone(ZoneOffset.UTC);
    }

    /** The query of the route's request: a slice planning's count request when one is set, else the next page. */
    public String requestQuery(SyncRun run, String countQuery) {
        return countQuery != null ? countQuery : pageQuery(run);
    }

    public String pageQuery(SyncRun run) {
        if (run.type() == SyncType.RECONCILE) {
            return idPageQuery(run.fetchCursor());
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", Integer.toString(pageSize));
        query.put("offset", "0");
        query.put("onlyData", "true");
        query.put("orderBy", updatedAtField + ":asc," + remoteIdField + ":asc");
        RunSlice slice = run.slice();
        String filter = slice == null ? filter(run.fetchCursor(), run.watermarkFrom())
                : within(filter(run.fetchCursor(), slice.from()), slice.to());
        if (filter != null) {
            query.put("q", filter);
        }
        if (!fields.isEmpty()) {
            query.put("fields", String.join(",", fields));
        }
        if (finder != null) {
            query.put("finder", finder);
        }
        if (run.firstRequest()) {
            query.put("totalResults", "true");
        }
        return join(query);
    }

    /**
     * A count request of the run's slice planning: the window's first item in paging order, with Oracle's
     * totalResults of the records from {@code from} and before {@code before} (null: no bound). Counts only plan the
     * slices; paging never depends on them.
     */
    public String countQuery(OffsetDateTime from, OffsetDateTime before) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", "1");
        query.put("offset", "0");
        query.put("onlyData", "true");
        query.put("orderBy", updatedAtField + ":asc," + remoteIdField + ":asc");
        String filter = within(filter(null, from), before);
        if (filter != null) {
            query.put("q", filter);
        }
        query.put("fields", updatedAtField + "," + remoteIdField);
        if (finder != null) {
            query.put("finder", finder);
        }
        query.put("totalResults", "true");
        return join(query);
    }

    /** The filter, limited to the records before {@code before} (a slice's upper bound; null: the open end). */
    String within(String filter, OffsetDateTime before) {
        if (before == null) {
            return filter;
        }
        String upper = updatedAtField + " < " + literal(before);
        return filter == null ? upper : "(" + filter + ") and " + upper;
    }

    /**
     * RECONCILE's ID-only scan: keys after the last one seen, in key order. The finder applies here too, so the
     * scan sees what the syncs see.
     */
    String idPageQuery(KeysetPosition cursor) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", Integer.toString(pageSize));
        query.put("offset", "0");
        query.put("onlyData", "true");
        query.put("fields", remoteIdField);
        query.put("orderBy", remoteIdField + ":asc");
        if (cursor != null) {
            query.put("q", remoteIdField + " > " + cursor.remoteId());
        }
        if (finder != null) {
            query.put("finder", finder);
        }
        return join(query);
    }

    private static String join(Map<String, String> query) {
        return query.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The q expression: after the cursor, or from the lower bound, or none for the start of a full run. */
    String filter(KeysetPosition cursor, OffsetDateTime from) {
        if (cursor != null) {
            String ts = literal(cursor.updatedAt());
            return updatedAtField + " > " + ts + " or (" + updatedAtField + " = " + ts + " and "
                    + remoteIdField + " > " + cursor.remoteId() + ")";
        }
        return from == null ? null : updatedAtField + " >= " + literal(from);
    }

    private String literal(OffsetDateTime timestamp) {
        return "'" + timestampFormat.format(timestamp) + "'";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
