INSERT INTO sync_errors (sync_name, sync_log_id, remote_id, reason, raw_item)
VALUES (:#sync_name, :#sync_log_id, :#remote_id, :#reason, CAST(:#raw_item AS jsonb))
