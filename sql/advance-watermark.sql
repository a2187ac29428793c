-- The run reached the end of the data: its last position becomes the watermark and the checkpoint is cleared.
-- activeRecords is the count of the rows not marked deleted (the activeRecords bean), made just before in the same
-- transaction, with what the next run's count goes on from.
UPDATE sync_state
SET watermark_ts = CAST(:#${exchangeProperty.syncRun.newWatermarkTs()} AS timestamptz),
    watermark_id = CAST(:#${exchangeProperty.syncRun.newWatermarkId()} AS bigint),
    checkpoint_ts = NULL, checkpoint_id = NULL, checkpoint_type = NULL, checkpoint_from = NULL,
    checkpoint_log_id = NULL,
    total_records = :#${header.activeRecords.active()},
    counted_rows = :#${header.activeRecords.rows()},
    counted_max_id = :#${header.activeRecords.maxId()},
    counted_table_file = :#${header.activeRecords.tableFile()},
    last_sync_at = now(), last_success_at = now(),
    complete = complete OR CAST(:#${exchangeProperty.syncRun.full()} AS boolean),
    updated_at = now()
WHERE sync_name = :#${exchangeProperty.syncRun.stateName()}
