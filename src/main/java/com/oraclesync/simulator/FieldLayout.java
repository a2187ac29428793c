package com.oraclesync.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered field names shared by every stored record that has the same keys, so that a
 * record itself is just an array of values (a 300,000-record store would otherwise spend most
 * of its heap on hash-map entries).
 */
final class FieldLayout {

    private final String[] names;
    private final Map<String, Integer> positions;

    FieldLayout(List<String> names) {
        this.names = names.toArray(String[]::new);
        this.positions = new HashMap<>(names.size() * 2);
        for (int i = 0; i < this.names.length; i++) {
            positions.put(this.names[i], i);
        }
    }

    int indexOf(String field) {
        Integer position = positions.get(field);
        return position == null ? -1 : position;
    }

    String name(int index) {
        return names[index];
    }

    int size() {
        return names.length;
    }

    List<String> names() {
        return List.of(names);
    }
}
