-- The run's outcome, as SyncRun decides it: SUCCESS or PARTIAL, with its totals.
UPDATE sync_logs
SET status = :#${exchangeProperty.syncRun.status()},
    total_fetched = :#${exchangeProperty.syncRun.fetched()},
    new_records = :#${exchangeProperty.syncRun.newRecords()},
    updated_records = :#${exchangeProperty.syncRun.updatedRecords()},
    unchanged_records = :#${exchangeProperty.syncRun.unchangedRecords()},
    skipped_stale_records = :#${exchangeProperty.syncRun.skippedStaleRecords()},
    failed_records = :#${exchangeProperty.syncRun.failedRecords()},
    pages = :#${exchangeProperty.syncRun.pages()},
    deleted_records = :#${exchangeProperty.syncRun.deletedRecords()},
    restored_records = :#${exchangeProperty.syncRun.restoredRecords()},
    error_message = CAST(:#${exchangeProperty.syncRun.problems()} AS text),
    completed_at = now(),
    duration_seconds = :#${exchangeProperty.syncRun.elapsedSeconds()},
    watermark_to = CAST(:#${exchangeProperty.syncRun.newWatermarkTs()} AS timestamptz)
WHERE id = :#${exchangeProperty.syncRun.logId()}
