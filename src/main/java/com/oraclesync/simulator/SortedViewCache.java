package com.oraclesync.simulator;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Sorted views per orderBy, valid for one store version; any change to the store makes them stale. */
final class SortedViewCache {

    private final Map<OrderBy, SortedView> views = new HashMap<>();

    /** Synchronized so that concurrent pages after a change sort the store once, not once each. */
    synchronized SortedView get(OrderBy orderBy, String keyField, long version,
                                Supplier<Collection<StoredItem>> inOptyIdOrder) {
        SortedView view = views.get(orderBy);
        if (view != null && view.version() == version) {
            return view;
        }
        views.values().removeIf(stale -> stale.version() != version);
        view = SortedView.build(orderBy, keyField, version, inOptyIdOrder.get());
        views.put(orderBy, view);
        return view;
    }

    synchronized void clear() {
        views.clear();
    }
}
