package com.oraclesync.api;

import com.oraclesync.resource.SyncResource;
import com.oraclesync.resource.SyncResources;
import com.oraclesync.resource.UnknownSyncException;
import com.oraclesync.sync.SyncMode;
import org.springframework.stereotype.Component;

/** Reads the API's query and path parameters; a bad one fails with an {@link InvalidParameterException}. */
@Component("apiParameters")
public class ApiParameters {

    private final SyncResources resources;

    public ApiParameters(SyncResources resources) {
        this.resources = resources;
    }

    /** {@code sync} of a request: an enabled resource's name; absent = the default sync. */
    public SyncResource sync(String sync) {
        try {
            return resources.named(sync);
        } catch (UnknownSyncException e) {
            throw new InvalidParameterException("sync", sync, "must be one of " + String.join(", ", e.known()));
        }
    }

    /** The name of the sync a request means, for the trigger route. */
    public String syncName(String sync) {
        return sync(sync).name();
    }

    /** {@code mode} of a trigger: absent or incremental = AUTO (FULL on the first run), full, reconcile. */
    public String mode(String mode) {
        try {
            return SyncMode.parse(mode).name();
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("mode", mode, "must be one of incremental, full, reconcile");
        }
    }

    public int limit(String value, int defaultLimit, int maxLimit) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        return (int) number("limit", value, 1, maxLimit);
    }

    public int offset(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        return (int) number("offset", value, 0, Integer.MAX_VALUE);
    }

    /** A required positive id, e.g. a remote_id or a sync_logs id. */
    public long id(String name, String value) {
        return number(name, value, 1, Long.MAX_VALUE);
    }

    private static long number(String name, String value, long min, long max) {
        long number;
        try {
            number = Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, value, "must be a whole number");
        }
        if (number < min || number > max) {
            throw new InvalidParameterException(name, value, max == Long.MAX_VALUE || max == Integer.MAX_VALUE
                    ? "must be at least " + min : "must be between " + min + " and " + max);
        }
        return number;
    }
}
