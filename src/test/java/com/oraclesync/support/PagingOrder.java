package com.oraclesync.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Oracle items in the sync's keyset order (LastUpdateDate, OptyId): the order pages and checkpoints follow. */
public final class PagingOrder {

    private PagingOrder() {
    }

    public static List<Map<String, Object>> sorted(List<Map<String, Object>> items) {
        return items.stream()
                .sorted(Comparator.comparing(PagingOrder::updatedAt).thenComparing(PagingOrder::optyId))
                .toList();
    }

    public static Instant updatedAt(Map<String, Object> item) {
        return OffsetDateTime.parse((String) item.get("LastUpdateDate")).toInstant();
    }

    public static long optyId(Map<String, Object> item) {
        return ((Number) item.get("OptyId")).longValue();
    }
}
