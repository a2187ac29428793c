package com.oraclesync.api;

import com.fasterxml.jackson.databind.util.RawValue;
import com.oraclesync.resource.SyncResource;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a resource's synced rows for the API, every column, in key order; never writes. The table and key column are
 * the resource's configured names (checked as identifiers at start-up), never a request's; values are bound.
 * {@code source_payload} (Oracle's item as sent) only when one row is asked for.
 */
@Repository
public class DataQueries {

    private static final String PAYLOAD = "source_payload";

    private final JdbcClient jdbc;

    public DataQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> page(SyncResource resource, int limit, int offset) {
        String sql = "SELECT * FROM " + quoted(resource.table()) + " ORDER BY " + quoted(resource.keyColumn())
                + " LIMIT :limit OFFSET :offset";
        return jdbc.sql(sql).param("limit", limit).param("offset", offset).query(row(false)).list();
    }

    public long count(SyncResource resource) {
        return jdbc.sql("SELECT count(*) FROM " + quoted(resource.table())).query(Long.class).single();
    }

    public Optional<Map<String, Object>> byRemoteId(SyncResource resource, long remoteId) {
        String sql = "SELECT * FROM " + quoted(resource.table()) + " WHERE " + quoted(resource.keyColumn()) + " = :id";
        return jdbc.sql(sql).param("id", remoteId).query(row(true)).optional();
    }

    /** Columns in table order, as JSON-ready values: timestamps with their offset, dates as dates, jsonb as JSON. */
    private static RowMapper<Map<String, Object>> row(boolean withPayload) {
        return (ResultSet rs, int rowNumber) -> {
            ResultSetMetaData columns = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                String name = columns.getColumnName(i);
                if (name.equals(PAYLOAD) && !withPayload) {
                    continue;
                }
                row.put(name, value(rs, i, columns.getColumnTypeName(i)));
            }
            return row;
        };
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
