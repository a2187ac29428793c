package com.oraclesync.sync;

/** A trigger arrived while a run holds the lock; nothing was started. */
public class SyncAlreadyRunningException extends RuntimeException {

    private final Long runningLogId;

    public SyncAlreadyRunningException(Long runningLogId) {
        super("A sync is already running" + (runningLogId == null ? "" : " (sync_logs id " + runningLogId + ")")
                + "; nothing was started");
        this.runningLogId = runningLogId;
    }

    public Long runningLogId() {
        return runningLogId;
    }
}
