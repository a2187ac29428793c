package com.oraclesync.sync;

import com.oraclesync.mapping.KeysetPosition;
import java.time.OffsetDateTime;

/**
 * What a run will read: its type, the lower bound of LastUpdateDate (null = everything) and the keyset cursor to
 * continue after (null = from the lower bound).
 */
record SyncPlan(SyncType type, OffsetDateTime from, KeysetPosition cursor, boolean resumed) {

    static SyncPlan of(SyncMode requested, SyncState current, java.time.Duration overlap) {
        if (requested == SyncMode.RECONCILE) {
            return new SyncPlan(SyncType.RECONCILE, null, null, false);
        }
        if (requested != SyncMode.FULL && current.hasUnfinishedRun()) {
            return new SyncPlan(current.checkpointType(), current.checkpointFrom(), current.checkpoint(), true);
        }
        if (requested == SyncMode.FULL || current.watermark() == null) {
            return new SyncPlan(SyncType.FULL, null, null, false);
        }
        return new SyncPlan(SyncType.INCREMENTAL, current.watermark().updatedAt().minus(overlap), null, false);
    }
}
