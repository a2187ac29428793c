-- Every resource has its own runs, errors and reconcile scans, keyed by the sync's name (sync.resources.<name>).
-- Everything before this migration belongs to the one resource there was: opportunities. The default keeps an
-- instance of the previous version, still running during a rolling upgrade, writing rows that say so.
ALTER TABLE sync_logs ADD COLUMN sync_name text NOT NULL DEFAULT 'opportunities';
CREATE INDEX sync_logs_sync_name_id_idx ON sync_logs (sync_name, id);

ALTER TABLE sync_errors ADD COLUMN sync_name text NOT NULL DEFAULT 'opportunities';

ALTER TABLE reconcile_seen ADD COLUMN sync_name text NOT NULL DEFAULT 'opportunities';
CREATE INDEX reconcile_seen_sync_name_idx ON reconcile_seen (sync_name);

-- The weekly RECONCILE of opportunities was the Quartz trigger oracle-sync/reconcile; each resource now has its own,
-- oracle-sync-reconcile/<name>. The old one would fire into a route that no longer exists.
DELETE FROM qrtz_cron_triggers WHERE trigger_group = 'oracle-sync' AND trigger_name = 'reconcile';
DELETE FROM qrtz_triggers WHERE trigger_group = 'oracle-sync' AND trigger_name = 'reconcile';
DELETE FROM qrtz_job_details WHERE job_group = 'oracle-sync' AND job_name = 'reconcile';
