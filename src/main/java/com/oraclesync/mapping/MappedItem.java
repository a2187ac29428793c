package com.oraclesync.mapping;

/** What the mapper made of one Oracle item: a row to store, or a rejection to record in sync_errors. */
public sealed interface MappedItem {

    /** The item's paging position, or null when its key fields cannot be read. */
    KeysetPosition position();

    /**
     * @param values  each mapped column's value as the text PostgreSQL reads, in the mapping's order; null is NULL
     * @param payload the item's JSON exactly as Oracle sent it
     */
    record Row(KeysetPosition position, String[] values, String payload) implements MappedItem {
        public long remoteId() {
            return position.remoteId();
        }

        // compared by identity: a value hash would hash every payload whenever Camel's bean binding hashes a page
        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }
    }

    record Rejected(KeysetPosition position, String remoteId, String reason, String payload) implements MappedItem {
    }
}
