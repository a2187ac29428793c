-- The run reached the end of the data: its last position becomes the watermark and the checkpoint is cleared.
UPDATE sync_state
SET watermark_ts = CAST(:#watermark_ts AS timestamptz), watermark_id = CAST(:#watermark_id AS bigint),
    checkpoint_ts = NULL, checkpoint_id = NULL, checkpoint_type = NULL, checkpoint_from = NULL,
    checkpoint_log_id = NULL,
    total_records = (SELECT count(*) FROM opportunities WHERE deleted_at IS NULL),
    last_sync_at = now(), last_success_at = now(),
    complete = complete OR CAST(:#full AS boolean),
    updated_at = now()
WHERE sync_name = :#sync_name
