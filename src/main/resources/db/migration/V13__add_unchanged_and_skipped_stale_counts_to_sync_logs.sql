-- Every record a run fetched is counted once: total_fetched = new_records + updated_records + unchanged_records
-- + skipped_stale_records + failed_records. skipped_stale_records are the ones the stale-write guard held back (the
-- stored row has a newer LastUpdateDate) and older repeats of a record within one page. Runs logged before this
-- migration have 0 in both, so their counts need not add up.
ALTER TABLE sync_logs
    ADD COLUMN unchanged_records     integer NOT NULL DEFAULT 0,
    ADD COLUMN skipped_stale_records integer NOT NULL DEFAULT 0;
