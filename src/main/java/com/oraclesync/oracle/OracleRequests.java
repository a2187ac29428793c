package com.oraclesync.oracle;

import com.oraclesync.mapping.KeysetPosition;
import com.oraclesync.mapping.OpportunityMapper;
import com.oraclesync.sync.SyncProperties;
import com.oraclesync.sync.SyncRun;
import com.oraclesync.sync.SyncType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Builds the query of the next page request. Paging is keyset ("seek") paging: every page asks for the records
 * after the last committed one in (LastUpdateDate, OptyId) order, always at offset 0, so records inserted or updated
 * while a run pages never shift a page boundary, and any number of records sharing one LastUpdateDate stay in order.
 */
@Component("oracleRequests")
public class OracleRequests {

    private final int pageSize;
    private final String updatedAtField;
    private final String remoteIdField;
    private final DateTimeFormatter timestampFormat;
    private final OracleProperties oracle;

    public OracleRequests(SyncProperties sync, OracleProperties oracle, OpportunityMapper mapper) {
        this.pageSize = sync.pageSize();
        this.updatedAtField = mapper.updatedAtField();
        this.remoteIdField = mapper.remoteIdField();
        this.timestampFormat = DateTimeFormatter.ofPattern(oracle.qTimestampPattern()).withZone(ZoneOffset.UTC);
        this.oracle = oracle;
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
        String filter = filter(run.fetchCursor(), run.watermarkFrom());
        if (filter != null) {
            query.put("q", filter);
        }
        if (!oracle.fields().isEmpty()) {
            query.put("fields", String.join(",", oracle.fields()));
        }
        if (oracle.finder() != null && !oracle.finder().isBlank()) {
            query.put("finder", oracle.finder());
        }
        if (run.firstRequest()) {
            query.put("totalResults", "true");
        }
        return join(query);
    }

    /**
     * RECONCILE's ID-only scan: OptyIds after the last one seen, in OptyId order. The finder applies here too, so the
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
        if (oracle.finder() != null && !oracle.finder().isBlank()) {
            query.put("finder", oracle.finder());
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
