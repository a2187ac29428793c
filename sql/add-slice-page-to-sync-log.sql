-- Committed with each page of a slice: the page's own counts, added, since the run's slices commit concurrently.
UPDATE sync_logs
SET total_fetched = total_fetched + :#${exchangeProperty.syncRun.pendingWrites().fetched()},
    new_records = new_records + :#${exchangeProperty.syncRun.pendingWrites().newRecords()},
    updated_records = updated_records + :#${exchangeProperty.syncRun.pendingWrites().updated()},
    unchanged_records = unchanged_records + :#${exchangeProperty.syncRun.pendingWrites().unchanged()},
    skipped_stale_records = skipped_stale_records + :#${exchangeProperty.syncRun.pendingWrites().skippedStale()},
    failed_records = failed_records + :#${exchangeProperty.syncRun.pendingWrites().failed()},
    pages = pages + 1
WHERE id = :#${exchangeProperty.syncRun.logId()}
