package com.oraclesync.mapping;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mappable columns of the {@code opportunities} table and their types, as in upsert-opportunities.sql. */
public final class OpportunityColumns {

    public static final String REMOTE_ID = "remote_id";
    public static final String ORACLE_UPDATED_AT = "oracle_updated_at";
    public static final String STATUS_CODE = "status_code";

    static final Map<String, ColumnType> TYPES = types();

    private static final String SETTING = "mapping.columns";

    private OpportunityColumns() {
    }

    /** Fails start-up with a message that names the mapping entry at fault. */
    static void validate(List<ColumnMapping> mappings) {
        Set<String> seen = new HashSet<>();
        for (ColumnMapping mapping : mappings) {
            ColumnType columnType = TYPES.get(mapping.column());
            if (columnType == null) {
                throw new InvalidMappingException(SETTING, "unknown column '" + mapping.column()
                        + "'; mappable columns are " + TYPES.keySet());
            }
            if (columnType != ColumnType.TEXT && mapping.type() != columnType) {
                throw new InvalidMappingException(SETTING, "column '" + mapping.column() + "' is "
                        + columnType.sqlName() + " in the database, but is mapped as " + mapping.type().sqlName());
            }
            if (!seen.add(mapping.column())) {
                throw new InvalidMappingException(SETTING, "column '" + mapping.column() + "' is mapped twice");
            }
        }
        for (String required : List.of(REMOTE_ID, ORACLE_UPDATED_AT)) {
            if (!seen.contains(required)) {
                throw new InvalidMappingException(SETTING, "'" + required
                        + "' must be mapped (it is the key and the paging cursor)");
            }
        }
    }

    private static Map<String, ColumnType> types() {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        types.put(REMOTE_ID, ColumnType.INTEGER);
        types.put("opportunity_number", ColumnType.TEXT);
        types.put("name", ColumnType.TEXT);
        types.put("customer", ColumnType.TEXT);
        types.put("deal_value", ColumnType.NUMERIC);
        types.put("currency", ColumnType.TEXT);
        types.put("win_probability", ColumnType.NUMERIC);
        types.put("stage", ColumnType.TEXT);
        types.put(STATUS_CODE, ColumnType.TEXT);
        types.put("close_date", ColumnType.DATE);
        types.put("sales_owner", ColumnType.TEXT);
        types.put("practice", ColumnType.TEXT);
        types.put("geo", ColumnType.TEXT);
        types.put("region", ColumnType.TEXT);
        types.put("sector", ColumnType.TEXT);
        types.put("oracle_created_at", ColumnType.TIMESTAMPTZ);
        types.put(ORACLE_UPDATED_AT, ColumnType.TIMESTAMPTZ);
        return Collections.unmodifiableMap(types);
    }

    public static Set<String> names() {
        return TYPES.keySet();
    }
}
