UPDATE sync_logs
SET total_fetched = :#total_fetched, new_records = :#new_records, updated_records = :#updated_records,
    failed_records = :#failed_records, pages = :#pages
WHERE id = :#log_id
