package com.oraclesync.sync;

/** A trigger arrived while a run of the same sync holds its lock; nothing was started. */
public class SyncAlreadyRunningException extends RuntimeException {

    private final String syncName;
    private final Long runningLogId;

    public SyncAlreadyRunningException(String syncName, Long runningLogId) {
        super("A sync is already running" + (runningLogId == null ? "" : " (sync_logs id " + runningLogId + ")")
                + "; nothing was started");
        this.syncName = syncName;
        this.runningLogId = runningLogId;
    }

    public String syncName() {
        return syncName;
    }

    public Long runningLogId() {
        return runningLogId;
    }
}
