-- Committed with each page: the totals as they are once the page commits.
UPDATE sync_logs
SET total_fetched = :#${exchangeProperty.syncRun.totalsWithPendingPage().fetched()},
    new_records = :#${exchangeProperty.syncRun.totalsWithPendingPage().newRecords()},
    updated_records = :#${exchangeProperty.syncRun.totalsWithPendingPage().updated()},
    unchanged_records = :#${exchangeProperty.syncRun.totalsWithPendingPage().unchanged()},
    skipped_stale_records = :#${exchangeProperty.syncRun.totalsWithPendingPage().skippedStale()},
    failed_records = :#${exchangeProperty.syncRun.totalsWithPendingPage().failed()},
    pages = :#${exchangeProperty.syncRun.totalsWithPendingPage().pages()}
WHERE id = :#${exchangeProperty.syncRun.logId()}
