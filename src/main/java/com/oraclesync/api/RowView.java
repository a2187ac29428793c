package com.oraclesync.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The columns that every shipped resource's table has, as the data API answers one row; the resource's own mapped
 * columns come beside them, by name. {@code remote_id} is the resource's key column, and {@code source_payload}
 * (Oracle's item as sent) is there only when one row is asked for. Named in the REST DSL's response messages so
 * that /api/openapi.json describes a row; the API itself answers the row as {@link DataQueries} reads it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RowView(Long id, Long remoteId, OffsetDateTime oracleCreatedAt, OffsetDateTime oracleUpdatedAt,
                      OffsetDateTime lastSyncedAt, OffsetDateTime deletedAt,
                      Map<String, Object> sourcePayload) {
}
