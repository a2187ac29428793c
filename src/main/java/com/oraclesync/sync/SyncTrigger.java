package com.oraclesync.sync;

public enum SyncTrigger {
    SCHEDULE,
    HTTP,
    JMX,
    STARTUP
}
