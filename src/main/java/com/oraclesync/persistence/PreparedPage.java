package com.oraclesync.persistence;

import com.oraclesync.mapping.KeysetPosition;
import java.util.List;
import java.util.Map;

/**
 * One Oracle page ready for the database: the upsert parameters in batches, the rejected items as
 * sync_errors rows, and the page's last keyset position (the checkpoint once the page commits).
 */
public record PreparedPage(
        int fetched,
        List<Map<String, Object>> upsertBatches,
        List<Map<String, Object>> errorRows,
        KeysetPosition lastPosition) {

    public boolean hasErrors() {
        return !errorRows.isEmpty();
    }

    public int rejected() {
        return errorRows.size();
    }

    // Camel's bean language caches by the target object: a value hash would walk every item of the page on each
    // expression such as ${body.items}. Pages are compared by identity.
    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }
}
