-- The data API's queries (GET /api/data/NAME, /api/opportunities): every list is in remote_id order (the unique
-- index), synced_since reads last_synced_at, updated_since oracle_updated_at (indexed since V1, V11, V12), and both
-- also read rows that RECONCILE marked deleted (deleted_at >= since), which the partial indexes find among the few
-- that have it. An equality filter in remote_id order walks a (column, remote_id) index, for the columns a front end
-- filters on most: opportunities' stage and workflow_status (which replaces the single-column index of V1).
CREATE INDEX opportunities_last_synced_at_idx ON opportunities (last_synced_at);
CREATE INDEX opportunities_deleted_at_idx ON opportunities (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX opportunities_stage_remote_id_idx ON opportunities (stage, remote_id);
CREATE INDEX opportunities_workflow_status_remote_id_idx ON opportunities (workflow_status, remote_id);
DROP INDEX opportunities_workflow_status_idx;

CREATE INDEX accounts_last_synced_at_idx ON accounts (last_synced_at);
CREATE INDEX accounts_deleted_at_idx ON accounts (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE INDEX contacts_last_synced_at_idx ON contacts (last_synced_at);
CREATE INDEX contacts_deleted_at_idx ON contacts (deleted_at) WHERE deleted_at IS NOT NULL;
