-- RECONCILE's soft delete: rows Oracle no longer returns get deleted_at, rows that came back have it cleared. Nothing
-- is removed. The two updates touch disjoint rows (deleted_at null or not), so one statement can run both; every part
-- sees the table as it was before, so active_records is the mass-deletion guard's baseline.
WITH seen AS (
    SELECT remote_id FROM reconcile_seen WHERE sync_log_id = :#${exchangeProperty.syncRun.logId()}
),
marked AS (
    UPDATE contacts o SET deleted_at = now()
    WHERE o.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM seen WHERE seen.remote_id = o.remote_id)
    RETURNING o.remote_id
),
restored AS (
    UPDATE contacts o SET deleted_at = NULL
    WHERE o.deleted_at IS NOT NULL
      AND EXISTS (SELECT 1 FROM seen WHERE seen.remote_id = o.remote_id)
    RETURNING o.remote_id
)
SELECT (SELECT count(*) FROM contacts WHERE deleted_at IS NULL) AS active_records,
       (SELECT count(*) FROM marked) AS deleted_records,
       (SELECT count(*) FROM restored) AS restored_records
