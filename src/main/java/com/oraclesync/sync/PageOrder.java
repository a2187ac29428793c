package com.oraclesync.sync;

import com.oraclesync.mapping.ColumnType;
import com.oraclesync.mapping.KeysetPosition;
import com.oraclesync.mapping.MappedItem;
import com.oraclesync.oracle.OraclePage;
import com.oraclesync.resource.SyncResource;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The checkpoint is the last item of a page, which is safe only when the page holds the first items after the cursor
 * in the requested order. A page that starts at or before the cursor, or whose items are out of order (Oracle, or a
 * proxy, ignored {@code orderBy}), fails the run before anything of it is stored: taking its last item as the
 * checkpoint would skip the records it left out, and a RECONCILE would mark them deleted. The route's
 * {@code pageOrder} bean.
 */
@Component("pageOrder")
public class PageOrder {

    /** A sync's page, as mapped: in (cursor field, key field) order, after the run's cursor. */
    public void requireKeysetOrder(List<MappedItem> items, SyncRun run) {
        SyncResource resource = run.resource();
        String orderBy = resource.cursorField() + ":asc," + resource.keyField() + ":asc";
        KeysetPosition cursor = run.fetchCursor();
        KeysetPosition previous = null;
        int index = 0;
        for (MappedItem item : items) {
            index++;
            KeysetPosition position = item.position();
            if (position == null) {
                continue; // no readable key: it goes to sync_errors and takes no part in the order
            }
            if (cursor != null && position.compareTo(cursor) <= 0) {
                throw outOfOrder(index, resource.describe(position), "the checkpoint " + resource.describe(cursor),
                        orderBy);
            }
            if (previous != null && position.compareTo(previous) < 0) {
                throw outOfOrder(index, resource.describe(position), "the item before it " + resource.describe(previous),
                        orderBy);
            }
            previous = position;
        }
    }

    /** A RECONCILE page: keys ascending, after the run's cursor. */
    public void requireIdOrder(OraclePage<Map<String, Object>> page, SyncRun run) {
        String remoteIdField = run.resource().keyField();
        String orderBy = remoteIdField + ":asc";
        Long cursor = run.fetchCursor() == null ? null : run.fetchCursor().remoteId();
        Long previous = null;
        int index = 0;
        for (Map<String, Object> item : page.items()) {
            index++;
            Long id = readableId(item.get(remoteIdField));
            if (id == null) {
                continue;
            }
            if (cursor != null && id <= cursor) {
                throw outOfOrder(index, remoteIdField + " " + id, "the checkpoint " + remoteIdField + " " + cursor, orderBy);
            }
            if (previous != null && id <= previous) {
                throw outOfOrder(index, remoteIdField + " " + id, "the item before it, " + remoteIdField + " " + previous,
                        orderBy);
            }
            previous = id;
        }
    }

    private static Long readableId(Object raw) {
        try {
            return (Long) ColumnType.INTEGER.convert(raw);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static PageOutOfOrderException outOfOrder(int index, String item, String notAfter, String orderBy) {
        return new PageOutOfOrderException("Oracle returned a page out of order: item " + index + " " + item
                + " is not after " + notAfter + ", although the request asked for orderBy=" + orderBy
                + " after the checkpoint. Oracle, or a proxy in front of it, seems to ignore orderBy or the q filter; "
                + "nothing of this page was stored and no record was skipped or marked deleted. Check "
                + "ORACLE_REST_FRAMEWORK_VERSION (2 or later) and any proxy or cache between the service and Oracle; the "
                + "next run resumes from the checkpoint");
    }
}
