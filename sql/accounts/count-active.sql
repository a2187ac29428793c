-- The rows not marked deleted, counted in full: total_records after a FULL or RECONCILE run (an INCREMENTAL run
-- counts on from it: ActiveRecords) and the visibility guard's baseline.
SELECT count(*) FROM accounts WHERE deleted_at IS NULL
