package com.oraclesync.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One immutable record in the store: its raw JSON-ready values plus the same values pre-parsed
 * for comparison (timestamp strings become {@link Instant}s once, at write time, so neither
 * sorting nor {@code q} evaluation re-parses them).
 */
final class StoredItem {

    private final long key;
    private final FieldLayout layout;
    private final Object[] values;
    private final Object[] comparables;

    private StoredItem(long key, FieldLayout layout, Object[] values, Object[] comparables) {
        this.key = key;
        this.layout = layout;
        this.values = values;
        this.comparables = comparables;
    }

    static StoredItem of(ResourceShape shape, FieldLayout layout, Object[] values) {
        int idIndex = layout.indexOf(shape.keyField());
        if (idIndex < 0 || values[idIndex] == null) {
            throw new IllegalArgumentException(shape.keyField() + " is missing from the " + shape.itemName());
        }
        long key = toKey(shape.keyField(), values[idIndex]);
        values[idIndex] = key;
        Object[] comparables = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            Instant instant = value instanceof String text ? OracleTimestamps.parseOrNull(text) : null;
            comparables[i] = instant != null ? instant : value;
        }
        return new StoredItem(key, layout, values, comparables);
    }

    private static long toKey(String keyField, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(keyField + " is not a whole number: " + value, e);
        }
    }

    /** The key field's value: OptyId for opportunities, PartyId for accounts and contacts. */
    long key() {
        return key;
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
