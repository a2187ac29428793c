-- The rows not marked deleted: the status's total_records and the visibility guard's baseline.
SELECT count(*) FROM accounts WHERE deleted_at IS NULL
