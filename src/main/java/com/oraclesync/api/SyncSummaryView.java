package com.oraclesync.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.OffsetDateTime;
import java.util.Map;

/** One entry of GET /api/syncs: an enabled sync, whether it runs, its last run and its committed watermark. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyncSummaryView(
        String name,
        boolean running,
        SyncLogView lastRun,
        Map<String, Object> watermark,
        OffsetDateTime lastSuccessAt,
        long totalRecords) {
}
