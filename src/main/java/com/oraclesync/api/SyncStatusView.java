package com.oraclesync.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.oraclesync.monitoring.SyncProgress;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The answer of GET /api/sync/status: the last run (the running one while a run is in progress) with every
 * sync_logs column, whether a run is in progress on any instance and how far it is, and the committed state.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyncStatusView(
        boolean running,
        Long runningSyncLogId,
        SyncLogView lastRun,
        SyncProgress progress,
        Map<String, Object> watermark,
        SyncStateView.Checkpoint checkpoint,
        OffsetDateTime lastSuccessAt,
        long totalRecords,
        boolean complete) {
}
