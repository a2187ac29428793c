package com.oraclesync.resource;

import com.oraclesync.mapping.ColumnType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The columns a resource's table has, as Flyway left it, so that a mapping can be checked before a run and the data
 * API can whitelist what a request may name.
 */
public final class ResourceTables {

    /** The columns the sync fills itself; no mapping entry may name them. */
    static final Set<String> OWN_COLUMNS = Set.of("id", "last_synced_at", "source_payload", "deleted_at");

    private static final String COLUMNS = """
            SELECT column_name, udt_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = :table ORDER BY ordinal_position
            """;

    private final JdbcClient jdbc;

    public ResourceTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The mappable columns of the table and the type each holds; empty when there is no such table. */
    Map<String, ColumnType> mappableColumns(String table) {
        Map<String, ColumnType> columns = columns(table);
        columns.keySet().removeAll(OWN_COLUMNS);
        return columns;
    }

    /** Every column of the table in table order, with the type each holds (jsonb and the like as text). */
    public Map<String, ColumnType> columns(String table) {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        jdbc.sql(COLUMNS).param("table", table)
                .query((rs, row) -> columns.put(rs.getString(1), typeOf(rs.getString(2)))).list();
        return columns;
    }

    private static ColumnType typeOf(String udtName) {
        return switch (udtName) {
            case "int2", "int4", "int8" -> ColumnType.INTEGER;
            case "numeric", "float4", "float8" -> ColumnType.NUMERIC;
            case "date" -> ColumnType.DATE;
            case "timestamptz" -> ColumnType.TIMESTAMPTZ;
            default -> ColumnType.TEXT;
        };
    }
}
