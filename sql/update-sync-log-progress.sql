-- Committed with each page: the totals as they are once the page commits.
UPDATE sync_logs
SET total_fetched = :#${exchangeProperty.syncRun.totalsWithPendingPage().fetched()},
    new_records = :#${exchangeProperty.syncRun.totalsWithPendingPage().newRecords()},
    updated_records = :#${exchangeProperty.syncRun.totalsWithPendingPage().updated()},
    failed_records = :#${exchangeProperty.syncRun.totalsWithPendingPage().failed()},
    pages = :#${exchangeProperty.syncRun.totalsWithPendingPage().pages()}
WHERE id = :#${exchangeProperty.syncRun.logId()}
