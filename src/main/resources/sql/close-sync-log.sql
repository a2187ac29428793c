UPDATE sync_logs
SET status = :#status, total_fetched = :#total_fetched, new_records = :#new_records,
    updated_records = :#updated_records, failed_records = :#failed_records, pages = :#pages,
    deleted_records = :#deleted_records, restored_records = :#restored_records,
    error_message = :#error_message,
    completed_at = now(), duration_seconds = :#duration_seconds,
    watermark_to = CAST(:#watermark_ts AS timestamptz)
WHERE id = :#log_id
