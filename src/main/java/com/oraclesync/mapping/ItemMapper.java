package com.oraclesync.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oraclesync.resource.SyncResource;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Applies one resource's field mapping to an Oracle item; the route's {@code <name>Mapper} bean. No I/O. */
public class ItemMapper {

    private final List<ColumnMapping> columns;
    private final String keyField;
    private final String keyColumn;
    private final String cursorField;
    private final String cursorColumn;
    private final ObjectMapper json;

    public ItemMapper(SyncResource resource, ObjectMapper json) {
        this.columns = resource.columns();
        this.keyField = resource.keyField();
        this.keyColumn = resource.keyColumn();
        this.cursorField = resource.cursorField();
        this.cursorColumn = resource.cursorColumn();
        this.json = json;
    }

    public MappedItem map(Map<String, Object> item) {
        String payload = toJson(item);
        try {
            return toRow(item, payload);
        } catch (InvalidItemException e) {
            Object remoteId = item.get(keyField);
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
        Long remoteId = (Long) row.get(keyColumn);
        if (remoteId == null) {
            throw new InvalidItemException(keyField, item.get(keyField), "is missing");
        }
        OffsetDateTime updatedAt = (OffsetDateTime) row.get(cursorColumn);
        if (updatedAt == null) {
            throw new InvalidItemException(cursorField, item.get(cursorField), "is missing");
        }
        return new MappedItem.Row(new KeysetPosition(updatedAt, remoteId), row, payload);
    }

    private KeysetPosition positionOrNull(Map<String, Object> item) {
        try {
            Object remoteId = ColumnType.INTEGER.convert(item.get(keyField));
            Object updatedAt = ColumnType.TIMESTAMPTZ.convert(item.get(cursorField));
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
}
