package com.oraclesync.simulator;

/**
 * Where a scan of a sorted view may start without missing a match: when the view is sorted by
 * field F ascending and the filter implies {@code F >= v}, every record before the first
 * {@code F >= v} fails the filter. This is what makes keyset paging cost O(log n + page).
 */
final class ScanStart {

    private ScanStart() {
    }

    static int position(SortedView view, OrderBy orderBy, Filter filter) {
        OrderBy.SortKey first = orderBy.first();
        ComparableValues.Kind kind = view.firstKeyKind();
        if (filter == null || !first.ascending() || kind == null) {
            return 0;
        }
        Object bound = lowerBound(filter, first.field(), kind);
        return bound == null ? 0 : view.lowerBound(bound);
    }

    /** The smallest value of the field that the filter allows, as a sort key; null if the filter does not bound it. */
    static Object lowerBound(Filter filter, String field, ComparableValues.Kind kind) {
        if (filter instanceof Filter.Comparison comparison) {
            return comparison.field().equals(field) && comparison.operator().impliesAtLeast()
                    ? comparison.value().asSortKey(kind) : null;
        }
        if (filter instanceof Filter.In in && in.field().equals(field)) {
            Object lowest = null;
            for (Literal value : in.values()) {
                Object key = value.asSortKey(kind);
                if (key == null) {
                    return null;
                }
                lowest = lowest == null || ComparableValues.compareForSort(key, lowest) < 0 ? key : lowest;
            }
            return lowest;
        }
        if (filter instanceof Filter.And and) {
            // every part must hold, so the tightest bound of any part applies
            Object highest = null;
            for (Filter part : and.parts()) {
                Object key = lowerBound(part, field, kind);
                if (key != null && (highest == null || ComparableValues.compareForSort(key, highest) > 0)) {
                    highest = key;
                }
            }
            return highest;
        }
        if (filter instanceof Filter.Or or) {
            // any part may hold, so only a bound that every part has applies, and then the loosest
            Object lowest = null;
            for (Filter part : or.parts()) {
                Object key = lowerBound(part, field, kind);
                if (key == null) {
                    return null;
                }
                lowest = lowest == null || ComparableValues.compareForSort(key, lowest) < 0 ? key : lowest;
            }
            return lowest;
        }
        return null;
    }
}
