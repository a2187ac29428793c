package com.oraclesync.resource;

import com.oraclesync.mapping.ColumnType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The columns a resource's table has, as Flyway left it, so that a mapping can be checked before a run. */
final class ResourceTables {

    /** The columns the sync fills itself; no mapping entry may name them. */
    static final Set<String> OWN_COLUMNS = Set.of("id", "last_synced_at", "source_payload", "deleted_at");

    private static final String COLUMNS = """
            SELECT column_name, udt_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = :table ORDER BY ordinal_position
            """;

    private final JdbcClient jdbc;

    ResourceTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The mappable columns of the table and the type each holds; empty when there is no such table. */
    Map<String, ColumnType> mappableColumns(String table) {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        jdbc.sql(COLUMNS).param("table", table).query((rs, row) -> {
            String name = rs.getString(1);
            if (!OWN_COLUMNS.contains(name)) {
                columns.put(name, typeOf(rs.getString(2)));
            }
            return name;
        }).list();
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
