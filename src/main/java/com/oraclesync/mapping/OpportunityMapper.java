package com.oraclesync.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Applies the configured field mapping to one Oracle item. No I/O. */
@Component("opportunityMapper")
public class OpportunityMapper {

    private final List<ColumnMapping> columns;
    private final String remoteIdField;
    private final String updatedAtField;
    private final ObjectMapper json;

    public OpportunityMapper(MappingProperties properties, @Qualifier("oracleObjectMapper") ObjectMapper json) {
        this.columns = properties.columns();
        this.remoteIdField = sourceOf(OpportunityColumns.REMOTE_ID);
        this.updatedAtField = sourceOf(OpportunityColumns.ORACLE_UPDATED_AT);
        this.json = json;
    }

    public MappedItem map(Map<String, Object> item) {
        String payload = toJson(item);
        try {
            return toRow(item, payload);
        } catch (InvalidItemException e) {
            Object remoteId = item.get(remoteIdField);
            return new MappedItem.Rejected(positionOrNull(item), remoteId == null ? null : remoteId.toString(),
                    e.getMessage(), payload);
        }
    }

    MappedItem.Row toRow(Map<String, Object> item, String payload) {
        Map<String, Object> row = new HashMap<>(columns.size() * 2);
        for (ColumnMapping mapping : columns) {
            Object raw = item.get(mapping.source());
            try {
                row.put(mapping.column(), mapping.type().convert(raw));
            } catch (IllegalArgumentException e) {
                throw new InvalidItemException(mapping.source(), raw, e.getMessage());
            }
        }
        Long remoteId = (Long) row.get(OpportunityColumns.REMOTE_ID);
        if (remoteId == null) {
            throw new InvalidItemException(remoteIdField, item.get(remoteIdField), "is missing");
        }
        OffsetDateTime updatedAt = (OffsetDateTime) row.get(OpportunityColumns.ORACLE_UPDATED_AT);
        if (updatedAt == null) {
            throw new InvalidItemException(updatedAtField, item.get(updatedAtField), "is missing");
        }
        return new MappedItem.Row(new KeysetPosition(updatedAt, remoteId), row, payload);
    }

    /** The Oracle field names the keyset paging orders and filters by. */
    public String remoteIdField() {
        return remoteIdField;
    }

    public String updatedAtField() {
        return updatedAtField;
    }

    private KeysetPosition positionOrNull(Map<String, Object> item) {
        try {
            Object remoteId = ColumnType.INTEGER.convert(item.get(remoteIdField));
            Object updatedAt = ColumnType.TIMESTAMPTZ.convert(item.get(updatedAtField));
            return remoteId == null || updatedAt == null ? null : new KeysetPosition((OffsetDateTime) updatedAt, (Long) remoteId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String toJson(Map<String, Object> item) {
        try {
            return json.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise an Oracle item back to JSON", e);
        }
    }

    private String sourceOf(String column) {
        return columns.stream()
                .filter(mapping -> mapping.column().equals(column))
                .map(ColumnMapping::source)
                .findFirst()
                .orElseThrow();
    }
}
