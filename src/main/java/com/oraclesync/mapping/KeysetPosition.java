package com.oraclesync.mapping;

import java.time.OffsetDateTime;
import java.util.Comparator;

/** A record's place in the paging order (LastUpdateDate, OptyId): what the keyset cursor and the watermark hold. */
public record KeysetPosition(OffsetDateTime updatedAt, long remoteId) implements Comparable<KeysetPosition> {

    private static final Comparator<KeysetPosition> ORDER = Comparator
            .comparing((KeysetPosition p) -> p.updatedAt().toInstant())
            .thenComparingLong(KeysetPosition::remoteId);

    @Override
    public String toString() {
        return "(LastUpdateDate " + updatedAt + ", OptyId " + remoteId + ")";
    }

    @Override
    public int compareTo(KeysetPosition other) {
        return ORDER.compare(this, other);
    }
}
