package com.oraclesync.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.oraclesync.resource.SyncResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The committed row of sync_state, as the status answer shows it. A keyset position is shown in the resource's own
 * field names, snake_case: {@code {"last_update_date": ..., "opty_id": ...}} for opportunities.
 */
record SyncStateView(
        Map<String, Object> watermark,
        Checkpoint checkpoint,
        long totalRecords,
        boolean complete,
        OffsetDateTime lastSyncAt,
        OffsetDateTime lastSuccessAt) {

    /** Where an unfinished run stands; the next run resumes after it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Checkpoint(String syncType, OffsetDateTime from, Map<String, Object> after, Long syncLogId) {
    }

    static SyncStateView empty() {
        return new SyncStateView(null, null, 0, false, null, null);
    }

    static SyncStateView of(SyncResource resource, ResultSet rs) throws SQLException {
        String checkpointType = rs.getString("checkpoint_type");
        Long checkpointLogId = rs.getObject("checkpoint_log_id", Long.class);
        Checkpoint checkpoint = checkpointType == null ? null : new Checkpoint(checkpointType,
                rs.getObject("checkpoint_from", OffsetDateTime.class),
                position(resource, rs, "checkpoint_ts", "checkpoint_id"), checkpointLogId);
        return new SyncStateView(position(resource, rs, "watermark_ts", "watermark_id"), checkpoint,
                rs.getLong("total_records"), rs.getBoolean("complete"),
                rs.getObject("last_sync_at", OffsetDateTime.class), rs.getObject("last_success_at", OffsetDateTime.class));
    }

    private static Map<String, Object> position(SyncResource resource, ResultSet rs, String tsColumn, String idColumn)
            throws SQLException {
        OffsetDateTime ts = rs.getObject(tsColumn, OffsetDateTime.class);
        Long id = rs.getObject(idColumn, Long.class);
        if (ts == null || id == null) {
            return null;
        }
        Map<String, Object> position = new LinkedHashMap<>();
        position.put(snakeCase(resource.cursorField()), ts);
        position.put(snakeCase(resource.keyField()), id);
        return position;
    }

    /** LastUpdateDate: last_update_date; OptyId: opty_id. */
    static String snakeCase(String field) {
        return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(field);
    }
}
