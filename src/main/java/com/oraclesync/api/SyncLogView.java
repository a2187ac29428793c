package com.oraclesync.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** One row of sync_logs, every column: total_fetched = new + updated + unchanged + skipped_stale + failed records. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyncLogView(
        long id,
        String syncType,
        String status,
        String trigger,
        int totalFetched,
        int newRecords,
        int updatedRecords,
        int unchangedRecords,
        int skippedStaleRecords,
        int failedRecords,
        int deletedRecords,
        int restoredRecords,
        int pages,
        String errorMessage,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        BigDecimal durationSeconds,
        OffsetDateTime watermarkFrom,
        OffsetDateTime watermarkTo,
        String instanceId) {

    static SyncLogView of(ResultSet rs, int row) throws SQLException {
        return new SyncLogView(
                rs.getLong("id"),
                rs.getString("sync_type"),
                rs.getString("status"),
                rs.getString("trigger"),
                rs.getInt("total_fetched"),
                rs.getInt("new_records"),
                rs.getInt("updated_records"),
                rs.getInt("unchanged_records"),
                rs.getInt("skipped_stale_records"),
                rs.getInt("failed_records"),
                rs.getInt("deleted_records"),
                rs.getInt("restored_records"),
                rs.getInt("pages"),
                rs.getString("error_message"),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class),
                rs.getBigDecimal("duration_seconds"),
                rs.getObject("watermark_from", OffsetDateTime.class),
                rs.getObject("watermark_to", OffsetDateTime.class),
                rs.getString("instance_id"));
    }
}
