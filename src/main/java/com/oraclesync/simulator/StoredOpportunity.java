package com.oraclesync.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One immutable record in the store: its raw JSON-ready values plus the same values pre-parsed
 * for comparison (timestamp strings become {@link Instant}s once, at write time, so neither
 * sorting nor {@code q} evaluation re-parses them).
 */
final class StoredOpportunity {

    private final long optyId;
    private final FieldLayout layout;
    private final Object[] values;
    private final Object[] comparables;

    private StoredOpportunity(long optyId, FieldLayout layout, Object[] values, Object[] comparables) {
        this.optyId = optyId;
        this.layout = layout;
        this.values = values;
        this.comparables = comparables;
    }

    static StoredOpportunity of(FieldLayout layout, Object[] values) {
        int idIndex = layout.indexOf(OpportunityFields.OPTY_ID);
        if (idIndex < 0 || values[idIndex] == null) {
            throw new IllegalArgumentException("OptyId is missing from the opportunity");
        }
        long optyId = toOptyId(values[idIndex]);
        values[idIndex] = optyId;
        Object[] comparables = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            Instant instant = value instanceof String text ? OracleTimestamps.parseOrNull(text) : null;
            comparables[i] = instant != null ? instant : value;
        }
        return new StoredOpportunity(optyId, layout, values, comparables);
    }

    private static long toOptyId(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("OptyId is not a whole number: " + value, e);
        }
    }

    long optyId() {
        return optyId;
    }

    /** The raw value, null when the field is null or absent. */
    Object value(String field) {
        int index = layout.indexOf(field);
        return index < 0 ? null : values[index];
    }

    /** The value as compared: an Instant for timestamp and date strings, otherwise the raw value. */
    Object comparable(String field) {
        int index = layout.indexOf(field);
        return index < 0 ? null : comparables[index];
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(values.length * 2);
        for (int i = 0; i < values.length; i++) {
            map.put(layout.name(i), values[i]);
        }
        return map;
    }

    FieldLayout layout() {
        return layout;
    }

    Object valueAt(int index) {
        return values[index];
    }
}
