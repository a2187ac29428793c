package com.oraclesync.sync;

import com.oraclesync.mapping.KeysetPosition;
import java.time.OffsetDateTime;

/** The committed row of sync_state: the watermark, and the checkpoint of an unfinished run if there is one. */
public record SyncState(
        KeysetPosition watermark,
        SyncType checkpointType,
        KeysetPosition checkpoint,
        OffsetDateTime checkpointFrom) {

    public boolean hasUnfinishedRun() {
        return checkpointType != null;
    }
}
