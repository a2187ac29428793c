-- The run reached the end of the data: its last position becomes the watermark and the checkpoint is cleared.
-- activeRecords is the resource's count-active.sql, run just before in the same transaction.
UPDATE sync_state
SET watermark_ts = CAST(:#${exchangeProperty.syncRun.newWatermarkTs()} AS timestamptz),
    watermark_id = CAST(:#${exchangeProperty.syncRun.newWatermarkId()} AS bigint),
    checkpoint_ts = NULL, checkpoint_id = NULL, checkpoint_type = NULL, checkpoint_from = NULL,
    checkpoint_log_id = NULL,
    total_records = :#${header.activeRecords},
    last_sync_at = now(), last_success_at = now(),
    complete = complete OR CAST(:#${exchangeProperty.syncRun.full()} AS boolean),
    updated_at = now()
WHERE sync_name = :#${exchangeProperty.syncRun.stateName()}
