package com.oraclesync.simulator;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The store's records sorted by one {@link OrderBy} at one store version, with the first sort
 * key extracted so that a lower bound on that key can be found by binary search.
 */
final class SortedView {

    private final long version;
    private final StoredItem[] records;
    private final Object[] firstKeys;
    private final ComparableValues.Kind firstKeyKind;

    private SortedView(long version, StoredItem[] records, Object[] firstKeys) {
        this.version = version;
        this.records = records;
        this.firstKeys = firstKeys;
        this.firstKeyKind = uniformKind(firstKeys);
    }

    /** @param inOptyIdOrder the records sorted by their key, which is also the tie-breaker */
    static SortedView build(OrderBy orderBy, String keyField, long version, Collection<StoredItem> inOptyIdOrder) {
        List<OrderBy.SortKey> sortKeys = orderBy.keys();
        Row[] rows = new Row[inOptyIdOrder.size()];
        int n = 0;
        for (StoredItem record : inOptyIdOrder) {
            Object[] keys = new Object[sortKeys.size()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = record.comparable(sortKeys.get(k).field());
            }
            rows[n++] = new Row(record, keys);
        }
        if (!orderBy.equals(OrderBy.byKey(keyField))) {
            Arrays.sort(rows, comparator(sortKeys)); // stable, so ties stay in key order
        }
        StoredItem[] records = new StoredItem[rows.length];
        Object[] firstKeys = new Object[rows.length];
        for (int i = 0; i < rows.length; i++) {
            records[i] = rows[i].record();
            firstKeys[i] = rows[i].keys()[0];
        }
        return new SortedView(version, records, firstKeys);
    }

    private record Row(StoredItem record, Object[] keys) {
    }

    private static Comparator<Row> comparator(List<OrderBy.SortKey> sortKeys) {
        boolean[] ascending = new boolean[sortKeys.size()];
        for (int k = 0; k < ascending.length; k++) {
            ascending[k] = sortKeys.get(k).ascending();
        }
        return (a, b) -> {
            for (int k = 0; k < ascending.length; k++) {
                int c = ComparableValues.compareForSort(a.keys()[k], b.keys()[k]);
                if (c != 0) {
                    return ascending[k] ? c : -c;
                }
            }
            return 0;
        };
    }

    private static ComparableValues.Kind uniformKind(Object[] keys) {
        ComparableValues.Kind kind = null;
        for (Object key : keys) {
            if (key != null) {
                ComparableValues.Kind current = ComparableValues.kindOf(key);
                if (kind != null && kind != current) {
                    return null;
                }
                kind = current;
            }
        }
        return kind;
    }

    long version() {
        return version;
    }

    int size() {
        return records.length;
    }

    StoredItem get(int index) {
        return records[index];
    }

    /** The kind shared by every non-null first key, or null if they are mixed or all null. */
    ComparableValues.Kind firstKeyKind() {
        return firstKeyKind;
    }

    /** The first position whose first key is not below {@code key}; valid only for an ascending first key. */
    int lowerBound(Object key) {
        int low = 0;
        int high = firstKeys.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ComparableValues.compareForSort(firstKeys[mid], key) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
