package com.oraclesync.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** A record that a run could not store: why, its key if it had one, and the item exactly as Oracle sent it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyncErrorView(
        long id,
        long syncLogId,
        String remoteId,
        String reason,
        @JsonRawValue String rawItem,
        OffsetDateTime createdAt) {

    static SyncErrorView of(ResultSet rs, int row) throws SQLException {
        return new SyncErrorView(rs.getLong("id"), rs.getLong("sync_log_id"), rs.getString("remote_id"),
                rs.getString("reason"), rs.getString("raw_item"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
