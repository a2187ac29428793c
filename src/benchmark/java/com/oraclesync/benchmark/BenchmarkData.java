package com.oraclesync.benchmark;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oraclesync.simulator.OpportunityGenerator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The benchmark's data set: what {@link OpportunityGenerator} makes for one seed and one "now", exactly as the
 * simulator child serves it, and the same items as column values for the database-only scenarios.
 */
record BenchmarkData(long seed, Instant now) {

    static final long FIRST_OPTY_ID = 300_000_000_000_001L;
    private static final int CHUNK = 10_000;

    /** The columns the scenarios without the service write, each with the Oracle field it comes from. */
    static final List<String[]> COLUMNS = List.of(
            new String[] {"remote_id", "OptyId"},
            new String[] {"opportunity_number", "OptyNumber"},
            new String[] {"name", "Name"},
            new String[] {"customer", "TargetPartyName"},
            new String[] {"deal_value", "Revenue"},
            new String[] {"currency", "CurrencyCode"},
            new String[] {"win_probability", "WinProb"},
            new String[] {"stage", "SalesStage"},
            new String[] {"status_code", "StatusCode"},
            new String[] {"close_date", "EffectiveDate"},
            new String[] {"sales_owner", "OwnerResourcePartyId"},
            new String[] {"practice", "Practice_c"},
            new String[] {"geo", "Geo_c"},
            new String[] {"region", "Region_c"},
            new String[] {"sector", "Sector_c"},
            new String[] {"oracle_created_at", "CreationDate"},
            new String[] {"oracle_updated_at", "LastUpdateDate"});

    /** The SQL type of each written column that is not text. */
    static final Map<String, String> SQL_TYPES = Map.of(
            "remote_id", "bigint", "deal_value", "numeric", "win_probability", "numeric", "close_date", "date",
            "oracle_created_at", "timestamptz", "oracle_updated_at", "timestamptz", "source_payload", "jsonb");

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** The first {@code count} items, generated in chunks so that no more than one chunk is held at a time. */
    void forEachItem(int count, Consumer<Map<String, Object>> consumer) {
        OpportunityGenerator generator = new OpportunityGenerator(seed);
        Instant from = now.minus(Duration.ofDays(365));
        for (int done = 0; done < count; done += CHUNK) {
            int size = Math.min(CHUNK, count - done);
            generator.generate(size, FIRST_OPTY_ID + done, from, now).forEach(consumer);
        }
    }

    /** The item's column values as text (null for SQL NULL), in {@link #COLUMNS} order, then the JSON payload. */
    static String[] columnValues(Map<String, Object> item) {
        String[] values = new String[COLUMNS.size() + 1];
        for (int i = 0; i < COLUMNS.size(); i++) {
            Object value = item.get(COLUMNS.get(i)[1]);
            values[i] = value == null ? null : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        }
        values[COLUMNS.size()] = payload(item);
        return values;
    }

    static String payload(Map<String, Object> item) {
        try {
            return JSON.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a generated item as JSON", e);
        }
    }

    /** The written columns in {@link #COLUMNS} order, then source_payload. */
    static List<String> columnNames() {
        List<String> names = new java.util.ArrayList<>();
        COLUMNS.forEach(column -> names.add(column[0]));
        names.add("source_payload");
        return names;
    }

    static String sqlType(String column) {
        return SQL_TYPES.getOrDefault(column, "text");
    }

    static String columnList() {
        StringBuilder names = new StringBuilder();
        for (String[] column : COLUMNS) {
            names.append(column[0]).append(", ");
        }
        return names.append("source_payload").toString();
    }
}
