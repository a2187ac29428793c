-- The keys of one page of the ID-only scan, as one array parameter.
INSERT INTO reconcile_seen (sync_name, sync_log_id, remote_id)
SELECT :#sync_name, :#sync_log_id, seen.remote_id
FROM unnest(CAST(:#remote_ids AS bigint[])) AS seen (remote_id)
ON CONFLICT DO NOTHING
