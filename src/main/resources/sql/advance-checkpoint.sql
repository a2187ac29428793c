-- The position of the last record of the page; committed in the page's transaction, together with its rows.
UPDATE sync_state
SET checkpoint_ts = :#checkpoint_ts, checkpoint_id = :#checkpoint_id, updated_at = now()
WHERE sync_name = :#sync_name
