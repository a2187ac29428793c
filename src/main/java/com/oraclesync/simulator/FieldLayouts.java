package com.oraclesync.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Interns {@link FieldLayout}s and remembers every field name the store has seen, for validating requests. */
final class FieldLayouts {

    private final Map<List<String>, FieldLayout> layouts = new ConcurrentHashMap<>();
    private final Set<String> knownFields = ConcurrentHashMap.newKeySet();
    private final ResourceShape shape;

    FieldLayouts(ResourceShape shape) {
        this.shape = shape;
        knownFields.addAll(shape.standardFields());
    }

    StoredItem toStored(Map<String, Object> item) {
        List<String> names = new ArrayList<>(item.keySet());
        FieldLayout layout = layouts.computeIfAbsent(names, key -> {
            knownFields.addAll(key);
            return new FieldLayout(key);
        });
        Object[] values = new Object[layout.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = item.get(layout.name(i));
        }
        return StoredItem.of(shape, layout, values);
    }

    Set<String> knownFields() {
        return Collections.unmodifiableSet(knownFields);
    }
}
