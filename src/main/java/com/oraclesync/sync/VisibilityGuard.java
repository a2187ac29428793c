package com.oraclesync.sync;

import java.util.Locale;

/**
 * A FULL run that returns far fewer records than the table already holds has most likely lost sight of them: the
 * integration user's roles, territories or finder changed. Such a run still stores what it read, deletes nothing,
 * and ends PARTIAL with this warning rather than passing as a success.
 *
 * @param storedAtStart the rows not marked deleted when the run started
 * @param share         sync.visibility-guard-share; 0 turns the guard off
 * @param itemName      what one record of the resource is called, e.g. opportunity
 */
record VisibilityGuard(long storedAtStart, double share, String itemName) {

    static final VisibilityGuard OFF = new VisibilityGuard(0, 0, "record");

    String warning(long fetched) {
        if (share <= 0 || storedAtStart == 0 || fetched >= share * storedAtStart) {
            return null;
        }
        return String.format(Locale.ROOT, "FULL run returned only %d records while the table holds %d (less than "
                + "sync.visibility-guard-share %.0f%%): the integration user probably no longer sees every %s; "
                + "check its roles and territories in Oracle and ORACLE_FINDER. Nothing was deleted", fetched,
                storedAtStart, share * 100, itemName);
    }
}
