-- After a RECONCILE: the rows not marked deleted (the activeRecords bean, just before), as the status reports them, with
-- what the next run's count goes on from.
UPDATE sync_state
SET total_records = :#${header.activeRecords.active()},
    counted_rows = :#${header.activeRecords.rows()},
    counted_max_id = :#${header.activeRecords.maxId()},
    counted_table_file = :#${header.activeRecords.tableFile()},
    updated_at = now()
WHERE sync_name = :#${exchangeProperty.syncRun.stateName()}
