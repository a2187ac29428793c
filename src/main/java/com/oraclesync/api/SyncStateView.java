package com.oraclesync.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** The committed row of sync_state, as the status answer shows it. */
record SyncStateView(
        Position watermark,
        Checkpoint checkpoint,
        long totalRecords,
        boolean complete,
        OffsetDateTime lastSyncAt,
        OffsetDateTime lastSuccessAt) {

    /** A keyset position: Oracle's LastUpdateDate and OptyId of a committed record. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Position(OffsetDateTime lastUpdateDate, long optyId) {
    }

    /** Where an unfinished run stands; the next run resumes after it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Checkpoint(String syncType, OffsetDateTime from, Position after, Long syncLogId) {
    }

    static SyncStateView of(ResultSet rs, int row) throws SQLException {
        String checkpointType = rs.getString("checkpoint_type");
        Long checkpointLogId = rs.getObject("checkpoint_log_id", Long.class);
        Checkpoint checkpoint = checkpointType == null ? null : new Checkpoint(checkpointType,
                rs.getObject("checkpoint_from", OffsetDateTime.class), position(rs, "checkpoint_ts", "checkpoint_id"),
                checkpointLogId);
        return new SyncStateView(position(rs, "watermark_ts", "watermark_id"), checkpoint,
                rs.getLong("total_records"), rs.getBoolean("complete"),
                rs.getObject("last_sync_at", OffsetDateTime.class), rs.getObject("last_success_at", OffsetDateTime.class));
    }

    private static Position position(ResultSet rs, String tsColumn, String idColumn) throws SQLException {
        OffsetDateTime ts = rs.getObject(tsColumn, OffsetDateTime.class);
        Long id = rs.getObject(idColumn, Long.class);
        return ts == null || id == null ? null : new Position(ts, id);
    }
}
