package com.oraclesync.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.oraclesync.sync.SyncRun;
import java.time.Instant;

/** The 202 answer to a trigger: the new run's sync_logs id, and where to follow it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyncStartedView(long syncLogId, String syncType, String trigger, String status, boolean resumed,
                              Instant startedAt, String statusUrl) {

    static SyncStartedView of(SyncRun run, String statusUrl) {
        return new SyncStartedView(run.logId(), run.type().name(), run.trigger().name(), "RUNNING", run.resumed(),
                run.startedAt(), statusUrl);
    }
}
