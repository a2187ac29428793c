package com.oraclesync.sync;

import com.oraclesync.mapping.KeysetPosition;
import java.time.OffsetDateTime;

/**
 * The committed row of sync_state: the watermark, the checkpoint of an unfinished run if there is one (and that
 * run's log), and the source the state was built from (null before V14).
 */
public record SyncState(
        KeysetPosition watermark,
        SyncType checkpointType,
        KeysetPosition checkpoint,
        OffsetDateTime checkpointFrom,
        Long checkpointLogId,
        String source) {

    public boolean hasUnfinishedRun() {
        return checkpointType != null;
    }
}
