package com.oraclesync.mapping;

import java.time.OffsetDateTime;
import java.util.Comparator;

/**
 * A record's place in the paging order (cursor field, then key field; LastUpdateDate and OptyId for opportunities):
 * what the keyset cursor and the watermark hold.
 */
public record KeysetPosition(OffsetDateTime updatedAt, long remoteId) implements Comparable<KeysetPosition> {

    private static final OffsetDateTime ID_ONLY = OffsetDateTime.parse("1970-01-01T00:00:00Z");

    /** A position in RECONCILE's ID-only scan, which orders by the key field alone. */
    public static KeysetPosition ofId(long remoteId) {
        return new KeysetPosition(ID_ONLY, remoteId);
    }

    private static final Comparator<KeysetPosition> ORDER = Comparator
            .comparing((KeysetPosition p) -> p.updatedAt().toInstant())
            .thenComparingLong(KeysetPosition::remoteId);

    @Override
    public String toString() {
        return "(" + updatedAt + ", " + remoteId + ")";
    }

    @Override
    public int compareTo(KeysetPosition other) {
        return ORDER.compare(this, other);
    }
}
