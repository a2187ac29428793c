package com.oraclesync.sync;

/**
 * The counts of a run that go to sync_logs. Every record fetched is counted once: fetched = new + updated +
 * unchanged + skippedStale + failed.
 */
public record RunTotals(long fetched, long newRecords, long updated, long unchanged, long skippedStale, long failed,
                        long pages) {

    public static final RunTotals NONE = new RunTotals(0, 0, 0, 0, 0, 0, 0);

    RunTotals plus(RunTotals other) {
        return new RunTotals(fetched + other.fetched, newRecords + other.newRecords, updated + other.updated,
                unchanged + other.unchanged, skippedStale + other.skippedStale, failed + other.failed,
                pages + other.pages);
    }

    /**
     * A written page's totals with its skipped records: those its batches did not count, since the upsert returns
     * only the rows it wrote. They are the rows the stale-write guard held back and the older repeats of a record
     * that the page's de-duplication dropped.
     */
    RunTotals withSkippedStale() {
        long skipped = fetched - newRecords - updated - unchanged - failed;
        if (skipped < 0) {
            throw new IllegalStateException("The upsert counted " + (newRecords + updated + unchanged + failed)
                    + " rows for a page of " + fetched + " records: check the counts its upsert.sql returns");
        }
        return new RunTotals(fetched, newRecords, updated, unchanged, skipped, failed, pages);
    }
}
