package com.oraclesync.mapping;

import java.util.Map;

/** What the mapper made of one Oracle item: a row to store, or a rejection to record in sync_errors. */
public sealed interface MappedItem {

    /** The item's paging position, or null when its key fields cannot be read. */
    KeysetPosition position();

    record Row(KeysetPosition position, Map<String, Object> columns, String payload) implements MappedItem {
        public long remoteId() {
            return position.remoteId();
        }
    }

    record Rejected(KeysetPosition position, String remoteId, String reason, String payload) implements MappedItem {
    }
}
