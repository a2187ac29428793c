package com.oraclesync.sync;

/**
 * Follows runs for progress reports and metrics. Called on the run's thread, after the step it names has
 * committed; a listener that throws is logged and never stops the run.
 */
public interface SyncRunListener {

    default void started(SyncRun run) {
    }

    default void pageCommitted(SyncRun run) {
    }

    /** The run reached the end of the data and closed its log as SUCCESS or PARTIAL. */
    default void completed(SyncRun run) {
    }

    default void failed(SyncRun run, String message) {
    }
}
