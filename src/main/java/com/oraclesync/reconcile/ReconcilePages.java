package com.oraclesync.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oraclesync.mapping.ColumnType;
import com.oraclesync.mapping.InvalidItemException;
import com.oraclesync.mapping.KeysetPosition;
import com.oraclesync.oracle.OraclePage;
import com.oraclesync.persistence.PreparedPage;
import com.oraclesync.persistence.UpsertBatches;
import com.oraclesync.resource.SyncResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the keys of one page of the ID-only scan; an item without a readable key goes to sync_errors. The route's
 * {@code <name>ReconcilePages} bean.
 */
public class ReconcilePages {

    private final String syncName;
    private final String remoteIdField;
    private final ObjectMapper json;

    public ReconcilePages(SyncResource resource, ObjectMapper json) {
        this.syncName = resource.name();
        this.remoteIdField = resource.keyField();
        this.json = json;
    }

    public ReconcilePage prepare(OraclePage<Map<String, Object>> page, long syncLogId) {
        List<Long> ids = new ArrayList<>(page.items().size());
        List<Map<String, Object>> errorRows = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (Map<String, Object> item : page.items()) {
            Object raw = item.get(remoteIdField);
            try {
                long id = readId(raw);
                ids.add(id);
                last = Math.max(last, id);
            } catch (InvalidItemException e) {
                errorRows.add(UpsertBatches.errorRow(syncName, syncLogId, raw == null ? null : raw.toString(), e.getMessage(),
                        toJson(item)));
            }
        }
        KeysetPosition lastPosition = ids.isEmpty() ? null : KeysetPosition.ofId(last);
        PreparedPage progress = new PreparedPage(page.items().size(), List.of(), errorRows, lastPosition);
        return new ReconcilePage(progress, Map.of("sync_name", syncName, "sync_log_id", syncLogId, "remote_ids", ids.toArray(Long[]::new)));
    }

    private long readId(Object raw) {
        Long id;
        try {
            id = (Long) ColumnType.INTEGER.convert(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidItemException(remoteIdField, raw, e.getMessage());
        }
        if (id == null) {
            throw new InvalidItemException(remoteIdField, raw, "is missing");
        }
        return id;
    }

    private String toJson(Map<String, Object> item) {
        try {
            return json.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise an Oracle item back to JSON", e);
        }
    }
}
