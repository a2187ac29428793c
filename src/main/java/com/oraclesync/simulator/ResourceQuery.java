package com.oraclesync.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs a collection request against a consistent snapshot of the store and cuts out the page. */
final class ResourceQuery {

    /**
     * @param totalResults the number of matches, or -1 when not asked for
     * @param examined     how many records were tested against q (for tests of the keyset shortcut)
     */
    record Page(List<StoredItem> items, boolean hasMore, int totalResults, int examined) {

        /** The same items, none in its place: the last comes first (a fault for tests). */
        Page outOfOrder() {
            List<StoredItem> rotated = new ArrayList<>(items);
            Collections.rotate(rotated, 1);
            return new Page(rotated, hasMore, totalResults, examined);
        }
    }

    private ResourceQuery() {
    }

    static Page run(ResourceStore store, CollectionRequest request) {
        return store.read(() -> {
            OrderBy orderBy = request.orderBy() != null ? request.orderBy() : store.keyOrder();
            SortedView view = store.sortedView(orderBy);
            return request.filter() == null && !request.totalResults()
                    ? slice(view, request)
                    : scan(view, request, ScanStart.position(view, orderBy, request.filter()));
        });
    }

    private static Page slice(SortedView view, CollectionRequest request) {
        int from = Math.min(request.offset(), view.size());
        int to = (int) Math.min((long) from + request.limit(), view.size());
        List<StoredItem> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            items.add(view.get(i));
        }
        return new Page(items, to < view.size(), -1, 0);
    }

    private static Page scan(SortedView view, CollectionRequest request, int start) {
        Filter filter = request.filter();
        List<StoredItem> items = new ArrayList<>(Math.min(request.limit(), 64));
        int matches = 0;
        int examined = 0;
        boolean hasMore = false;
        for (int i = start; i < view.size(); i++) {
            StoredItem record = view.get(i);
            examined++;
            if (filter != null && !filter.matches(record)) {
                continue;
            }
            matches++;
            if (matches <= request.offset()) {
                continue;
            }
            if (items.size() < request.limit()) {
                items.add(record);
            } else {
                hasMore = true;
                if (!request.totalResults()) {
                    break;
                }
            }
        }
        return new Page(items, hasMore, request.totalResults() ? matches : -1, examined);
    }
}
