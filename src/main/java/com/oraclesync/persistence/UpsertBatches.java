package com.oraclesync.persistence;

import com.oraclesync.mapping.KeysetPosition;
import com.oraclesync.mapping.MappedItem;
import com.oraclesync.resource.SyncResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a page of mapped items into upsert batches: de-duplicated by remote id (the newest version wins, since a
 * multi-row upsert may not touch one key twice), and transposed into one text array per mapped column (plus
 * {@code source_payload}) for the resource's upsert.sql, so that every batch runs the same single statement. The
 * resource's {@code parameters} ride along, for the rules its SQL applies. The route's {@code <name>Batches} bean.
 */
public class UpsertBatches {

    private final String syncName;
    private final int batchSize;
    private final List<String> rowArrays;
    private final Map<String, String> parameters;

    public UpsertBatches(SyncResource resource) {
        this.syncName = resource.name();
        this.batchSize = resource.batchSize();
        // in the staging table's column order: the mapped columns, then source_payload
        this.rowArrays = StagingTable.columns(resource);
        this.parameters = resource.parameters();
    }

    /**
     * @param inKeyOrder rows sorted by remote id, as a slice of a parallel run writes them: a record updated during
     *                   the run may be in two slices' pages at once, and transactions that lock rows in one order
     *                   cannot deadlock
     */
    public PreparedPage prepare(List<MappedItem> items, long syncLogId, boolean inKeyOrder) {
        Map<Long, MappedItem.Row> newestById = new LinkedHashMap<>(items.size() * 2);
        List<Map<String, Object>> errorRows = new ArrayList<>();
        KeysetPosition last = null;
        for (MappedItem item : items) {
            if (item.position() != null && (last == null || item.position().compareTo(last) > 0)) {
                last = item.position();
            }
            if (item instanceof MappedItem.Row row) {
                newestById.merge(row.remoteId(), row, (kept, candidate) ->
                        candidate.position().compareTo(kept.position()) >= 0 ? candidate : kept);
            } else if (item instanceof MappedItem.Rejected rejected) {
                errorRows.add(errorRow(rejected, syncLogId));
            }
        }
        List<MappedItem.Row> rows = new ArrayList<>(newestById.values());
        if (inKeyOrder) {
            rows.sort(Comparator.comparingLong(MappedItem.Row::remoteId));
        }
        return new PreparedPage(items.size(), batches(rows), errorRows, last);
    }

    private List<Map<String, Object>> batches(List<MappedItem.Row> rows) {
        List<Map<String, Object>> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += batchSize) {
            batches.add(columnArrays(rows.subList(from, Math.min(rows.size(), from + batchSize))));
        }
        return batches;
    }

    private Map<String, Object> columnArrays(List<MappedItem.Row> rows) {
        int columns = rowArrays.size() - 1;
        String[][] arrays = new String[rowArrays.size()][rows.size()];
        // row by row: each row's values are read once, in order (a column at a time would walk every row again)
        for (int i = 0; i < rows.size(); i++) {
            MappedItem.Row row = rows.get(i);
            String[] values = row.values();
            for (int column = 0; column < columns; column++) {
                arrays[column][i] = values[column];
            }
            arrays[columns][i] = row.payload();
        }
        Map<String, Object> batch = new HashMap<>(parameters);
        for (int column = 0; column < arrays.length; column++) {
            batch.put(rowArrays.get(column), arrays[column]);
        }
        batch.put("row_count", rows.size());
        return batch;
    }

    private Map<String, Object> errorRow(MappedItem.Rejected rejected, long syncLogId) {
        return errorRow(syncName, syncLogId, rejected.remoteId(), rejected.reason(), rejected.payload());
    }

    /** Parameters of insert-sync-errors.sql. */
    public static Map<String, Object> errorRow(String syncName, long syncLogId, String remoteId, String reason,
                                               String rawItem) {
        Map<String, Object> row = new HashMap<>();
        row.put("sync_name", syncName);
        row.put("sync_log_id", syncLogId);
        row.put("remote_id", remoteId);
        row.put("reason", reason);
        row.put("raw_item", rawItem);
        return row;
    }
}
