-- Where an INCREMENTAL run's count of the rows not marked deleted (total_records) goes on from, so that it does not
-- read the whole table: at the last count, the table held counted_rows rows (marked deleted or not) with an id up to
-- counted_max_id, in the storage counted_table_file (pg_relation_filenode, which a TRUNCATE changes). Rows are never
-- removed, so those rows are all still there; the next count adds the rows with a higher id and takes off the rows
-- marked deleted (see ActiveRecords). NULL: not counted since this migration, so the next run counts in full.
ALTER TABLE sync_state
    ADD COLUMN counted_rows       bigint,
    ADD COLUMN counted_max_id     bigint,
    ADD COLUMN counted_table_file bigint;
