package com.oraclesync.resource;

import com.oraclesync.mapping.ColumnMapping;
import com.oraclesync.mapping.KeysetPosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One resource as this service syncs it, with every default applied: the Oracle resource, the table and the field
 * mapping. Its routes are instances of the {@code sync-resource*} route templates, its SQL is in
 * {@code sqlDirectory} (default {@code sql/<name>}).
 *
 * @param name        the sync's name in the API, metrics, route ids and sync_logs.sync_name, e.g. accounts
 * @param stateName   the key of its sync_state row and of its run lock: {@code oracle_<name>}
 * @param resourceUrl scheme, host, port and path of the Oracle resource, for messages (never credentials)
 * @param source      what the sync's state is built from, recorded in sync_state.source: the Oracle base URL and
 *                    the resource path ({@code https://xxxx.fa.em2.oraclecloud.com/opportunities}), or
 *                    {@code demo:<path>} for the built-in simulator, whose port changes from start to start
 */
public record SyncResource(
        String name,
        String stateName,
        String path,
        String resourceUrl,
        String source,
        String keyField,
        String cursorField,
        String table,
        String keyColumn,
        String cursorColumn,
        List<ColumnMapping> columns,
        List<String> fields,
        String finder,
        String cron,
        String reconcileCron,
        int pageSize,
        int batchSize,
        Map<String, String> parameters,
        String sqlDirectory) {

    /** One of the resource's own SQL files, e.g. {@code sql/accounts/upsert.sql}. */
    public Path sqlFile(String file) {
        return Path.of(sqlDirectory, file);
    }

    /** A paging position in the resource's own field names, e.g. (LastUpdateDate 2024-01-16T13:08Z, OptyId 42). */
    public String describe(KeysetPosition position) {
        return position == null ? "the start" : "(" + cursorField + " " + position.updatedAt() + ", " + keyField + " "
                + position.remoteId() + ")";
    }

    /** What one record is called in messages: the name in the singular (opportunities: opportunity). */
    public String itemName() {
        if (name.endsWith("ies")) {
            return name.substring(0, name.length() - 3) + "y";
        }
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    @Override
    public String toString() {
        return name + " (" + resourceUrl + ")";
    }
}
