package com.oraclesync.reconcile;

import com.oraclesync.sync.MassDeletionRefusedException;
import com.oraclesync.sync.SyncProperties;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Refuses a RECONCILE that would mark more than sync.reconcile.max-delete-share of the rows as deleted: an
 * integration user that lost its visibility or a finder that changed looks exactly like a mass deletion.
 */
@Component("reconcileGuard")
public class ReconcileGuard {

    private final double maxDeleteShare;

    public ReconcileGuard(SyncProperties sync) {
        this.maxDeleteShare = sync.reconcile().maxDeleteShare();
    }

    /**
     * Runs in the reconcile's transaction, right after the resource's mark-deleted.sql: refusing rolls the marks back.
     *
     * @param counts the row of mark-deleted.sql: {@code active_records} before it, {@code deleted_records}
     * @return the counts, unchanged
     * @throws MassDeletionRefusedException when too many rows would be marked
     */
    public Map<String, Object> check(Map<String, Object> counts) {
        long active = ((Number) counts.get("active_records")).longValue();
        long missing = ((Number) counts.get("deleted_records")).longValue();
        if (missing > 0 && missing > maxDeleteShare * active) {
            throw new MassDeletionRefusedException(String.format(Locale.ROOT, "Reconcile refused to mark %d of %d rows "
                    + "(%.0f%%) as deleted: more than sync.reconcile.max-delete-share (%.0f%%) in one run. An integration "
                    + "user that lost visibility (roles, territories, ORACLE_FINDER) or wrong credentials look exactly "
                    + "like a mass deletion: check them in Oracle. If the deletions are real, raise "
                    + "SYNC_RECONCILE_MAX_DELETE_SHARE for one run. Nothing was marked",
                    missing, active, 100.0 * missing / active, maxDeleteShare * 100));
        }
        return counts;
    }
}
