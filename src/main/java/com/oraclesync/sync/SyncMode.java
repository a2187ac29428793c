package com.oraclesync.sync;

import java.util.Locale;

/** What a trigger asks for: AUTO is FULL on the first run and INCREMENTAL after it. */
public enum SyncMode {
    AUTO,
    FULL,
    RECONCILE;

    /** Parses a trigger's {@code mode} parameter; blank means AUTO. */
    public static SyncMode parse(String mode) {
        if (mode == null || mode.isBlank() || mode.equalsIgnoreCase("incremental")) {
            return AUTO;
        }
        try {
            return valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be one of incremental, full, reconcile (was '" + mode + "')");
        }
    }
}
