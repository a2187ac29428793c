package com.oraclesync.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Oracle's {@code orderBy=Field1:asc,Field2:desc}; the default is the resource's key field ascending. */
record OrderBy(List<SortKey> keys) {

    record SortKey(String field, boolean ascending) {
    }

    /** The store's own order, by its key field. */
    static OrderBy byKey(String keyField) {
        return new OrderBy(List.of(new SortKey(keyField, true)));
    }

    /** @return null for no orderBy: the store's own order */
    static OrderBy parse(String spec, Set<String> knownFields) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        List<SortKey> keys = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] fieldAndDirection = part.strip().split(":", -1);
            String field = fieldAndDirection[0].strip();
            if (field.isEmpty() || fieldAndDirection.length > 2) {
                throw new QueryException("Malformed orderBy: '" + spec + "'; expected Field:asc,Field:desc");
            }
            if (!knownFields.contains(field)) {
                throw QueryException.unknownField("orderBy", field);
            }
            String direction = fieldAndDirection.length == 2
                    ? fieldAndDirection[1].strip().toLowerCase(Locale.ROOT) : "asc";
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw new QueryException("Malformed orderBy: direction '" + fieldAndDirection[1]
                        + "' for " + field + " is neither asc nor desc");
            }
            keys.add(new SortKey(field, direction.equals("asc")));
        }
        return new OrderBy(List.copyOf(keys));
    }

    SortKey first() {
        return keys.get(0);
    }
}
