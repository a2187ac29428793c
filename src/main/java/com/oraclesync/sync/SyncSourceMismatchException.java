package com.oraclesync.sync;

/** The sync's state was built from another source than the configured one; nothing was started. */
public class SyncSourceMismatchException extends RuntimeException {

    private final SyncType refusedType;

    public SyncSourceMismatchException(String message, SyncType refusedType) {
        super(message);
        this.refusedType = refusedType;
    }

    /** The run that was asked for: what its FAILED log row says. */
    public SyncType refusedType() {
        return refusedType;
    }
}
