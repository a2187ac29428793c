package com.oraclesync.sync;

/** A run found, before writing, that it no longer holds the run lock: it stops, and writes nothing more. */
public class RunLockLostException extends RuntimeException {

    public RunLockLostException(String message) {
        super(message);
    }
}
