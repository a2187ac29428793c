package com.oraclesync.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import com.oraclesync.resource.SyncResource;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a resource's synced rows for the API, in key order; never writes. Table and column names in the SQL text are
 * the resource's configured names (checked as identifiers at start-up) and names found in its {@link DataColumns}
 * whitelist, never a request's text; every value is a bound parameter. {@code source_payload} (Oracle's item as sent)
 * only when one row is asked for, or named in {@code fields}.
 */
@Repository
public class DataQueries {

    private static final ObjectMapper PLAN = new ObjectMapper();

    private final JdbcClient jdbc;

    public DataQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The page, with one row more than the limit when there are more: the caller cuts it and links the next. */
    public List<Map<String, Object>> page(DataRequest request) {
        Where where = where(request, true);
        String sql = "SELECT " + request.fields().stream().map(DataQueries::quoted).collect(Collectors.joining(", "))
                + " FROM " + quoted(request.resource().table()) + where.sql() + " ORDER BY "
                + quoted(request.columns().key()) + " LIMIT :limit OFFSET :offset";
        return where.bind(jdbc.sql(sql)).param("limit", request.limit() + 1).param("offset", request.offset())
                .query(DataQueries::rows);
    }

    /** count(*) of the rows the request selects, whatever page it is on. */
    public long count(DataRequest request) {
        Where where = where(request, false);
        return where.bind(jdbc.sql("SELECT count(*) FROM " + quoted(request.resource().table()) + where.sql()))
                .query(Long.class).single();
    }

    /** The planner's estimate of the same count: a plan, no scan (statistics as autovacuum last gathered them). */
    public long estimate(DataRequest request) {
        Where where = where(request, false);
        String plan = where.bind(jdbc.sql("EXPLAIN (FORMAT JSON) SELECT 1 FROM " + quoted(request.resource().table())
                + where.sql())).query(String.class).single();
        try {
            JsonNode rows = PLAN.readTree(plan).path(0).path("Plan").path("Plan Rows");
            return Math.max(0, Math.round(rows.asDouble()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL's EXPLAIN answered no JSON plan", e);
        }
    }

    public Optional<Map<String, Object>> byRemoteId(SyncResource resource, long remoteId) {
        String sql = "SELECT * FROM " + quoted(resource.table()) + " WHERE " + quoted(resource.keyColumn()) + " = :id";
        return jdbc.sql(sql).param("id", remoteId).query(DataQueries::rows).stream().findFirst();
    }

    private static Where where(DataRequest request, boolean withCursor) {
        DataColumns.Whitelist columns = request.columns();
        List<String> conditions = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        String deletedAt = quoted(DataColumns.DELETED_AT);
        if (!request.includeDeleted()) {
            conditions.add(deletedAt + " IS NULL");
        }
        // a row RECONCILE marked deleted changed then, whatever its other timestamps say
        String orDeleted = request.includeDeleted() ? " OR " + deletedAt + " >= " : null;
        if (request.updatedSince() != null) {
            conditions.add(since(quoted(columns.cursor()), ":updatedSince", orDeleted));
            values.put("updatedSince", request.updatedSince());
        }
        if (request.syncedSince() != null) {
            conditions.add(since(quoted(DataColumns.LAST_SYNCED_AT), ":syncedSince", orDeleted));
            values.put("syncedSince", request.syncedSince());
        }
        int i = 0;
        for (Map.Entry<String, Object> filter : request.filters().entrySet()) {
            String parameter = "filter" + i++;
            conditions.add(quoted(filter.getKey()) + " = :" + parameter);
            values.put(parameter, filter.getValue());
        }
        if (withCursor && request.after() != null) {
            conditions.add(quoted(columns.key()) + " > :after");
            values.put("after", request.after());
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), values);
    }

    private static String since(String column, String parameter, String orDeleted) {
        return orDeleted == null ? column + " >= " + parameter
                : "(" + column + " >= " + parameter + orDeleted + parameter + ")";
    }

    private record Where(String sql, Map<String, Object> values) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            values.forEach(statement::param);
            return statement;
        }
    }

    /**
     * Rows with their columns in select order, as JSON-ready values: timestamps with their offset, dates as dates,
     * jsonb as JSON. The names and types are read once per result, not per row.
     */
    private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData metaData = rs.getMetaData();
        int count = metaData.getColumnCount();
        String[] names = new String[count];
        String[] types = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = metaData.getColumnName(i + 1);
            types[i] = metaData.getColumnTypeName(i + 1);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                row.put(names[i], value(rs, i + 1, types[i]));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Object value(ResultSet rs, int column, String type) throws SQLException {
        return switch (type) {
            case "timestamptz" -> rs.getObject(column, OffsetDateTime.class);
            case "date" -> rs.getObject(column, LocalDate.class);
            case "jsonb", "json" -> {
                String json = rs.getString(column);
                yield json == null ? null : new RawValue(json);
            }
            case "numeric" -> rs.getBigDecimal(column);
            default -> rs.getObject(column);
        };
    }

    private static String quoted(String identifier) {
        return '"' + identifier + '"';
    }
}
