-- After a RECONCILE: the rows not marked deleted (the resource's count-active.sql, just before), as the status reports them.
UPDATE sync_state
SET total_records = :#${header.activeRecords}, updated_at = now()
WHERE sync_name = :#${exchangeProperty.syncRun.stateName()}
