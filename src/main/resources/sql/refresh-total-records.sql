-- After a RECONCILE: the rows not marked deleted, as the status reports them.
UPDATE sync_state
SET total_records = (SELECT count(*) FROM opportunities WHERE deleted_at IS NULL), updated_at = now()
WHERE sync_name = :#sync_name
