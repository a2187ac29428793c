package com.oraclesync.sync;

public enum SyncType {
    FULL,
    INCREMENTAL,
    RECONCILE
}
