package com.oraclesync.api;

import com.oraclesync.mapping.ColumnMapping;
import com.oraclesync.mapping.ColumnType;
import com.oraclesync.resource.ResourceTables;
import com.oraclesync.resource.SyncResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a data request may name, per resource: the columns it may filter on (the mapped ones and workflow_status) and
 * the columns it may ask for in {@code fields} (every column of the table). Read from the table once, as Flyway left
 * it. A request's names are looked up here and only the names found here reach SQL text: input never does.
 */
@Component
public class DataColumns {

    static final String WORKFLOW_STATUS = "workflow_status";
    static final String PAYLOAD = "source_payload";
    static final String DELETED_AT = "deleted_at";
    static final String LAST_SYNCED_AT = "last_synced_at";

    private final ResourceTables tables;
    private final Map<String, Whitelist> byResource = new ConcurrentHashMap<>();

    public DataColumns(JdbcClient jdbc) {
        this.tables = new ResourceTables(jdbc);
    }

    public Whitelist of(SyncResource resource) {
        return byResource.computeIfAbsent(resource.name(), name -> load(resource));
    }

    private Whitelist load(SyncResource resource) {
        Map<String, ColumnType> table = tables.columns(resource.table());
        Map<String, ColumnType> filterable = new LinkedHashMap<>();
        for (ColumnMapping mapping : resource.columns()) {
            filterable.put(mapping.column(), table.getOrDefault(mapping.column(), mapping.type()));
        }
        if (table.containsKey(WORKFLOW_STATUS)) {
            filterable.put(WORKFLOW_STATUS, table.get(WORKFLOW_STATUS));
        }
        return new Whitelist(resource.keyColumn(), resource.cursorColumn(), Map.copyOf(filterable),
                List.copyOf(table.keySet()));
    }

    /**
     * @param key        the resource's key column: the order of every list, and always in an answer
     * @param cursor     the column of Oracle's LastUpdateDate (updated_since)
     * @param filterable the columns an equality filter may name, with the type its value is read as
     * @param columns    every column of the table, in table order (what fields may name)
     */
    public record Whitelist(String key, String cursor, Map<String, ColumnType> filterable, List<String> columns) {

        /** The columns of a list answer without fields: all but source_payload, as before. */
        List<String> listed() {
            return columns.stream().filter(column -> !column.equals(PAYLOAD)).toList();
        }
    }
}
