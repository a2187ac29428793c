package com.oraclesync.sync;

/** The counts of a run that go to sync_logs: records fetched, new, updated, failed, and pages. */
public record RunTotals(long fetched, long newRecords, long updated, long failed, long pages) {

    static final RunTotals NONE = new RunTotals(0, 0, 0, 0, 0);

    RunTotals plus(RunTotals other) {
        return new RunTotals(fetched + other.fetched, newRecords + other.newRecords, updated + other.updated,
                failed + other.failed, pages + other.pages);
    }
}
