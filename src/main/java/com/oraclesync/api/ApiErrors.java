package com.oraclesync.api;

import com.oraclesync.sync.SyncAlreadyRunningException;
import com.oraclesync.sync.SyncSourceMismatchException;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns what went wrong in an API route into its JSON answer: 409 while a run is in progress or when the sync's
 * state belongs to another source, 404 for what does not exist, 400 for a bad parameter (or a mode this version
 * cannot run), 500 for anything else.
 */
@Component("apiErrors")
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    public ApiError describe(Throwable failure) {
        SyncAlreadyRunningException running = ObjectHelper.getException(SyncAlreadyRunningException.class, failure);
        if (running != null) {
            return new ApiError(409, running.getMessage(), null, running.runningLogId());
        }
        SyncSourceMismatchException otherSource = ObjectHelper.getException(SyncSourceMismatchException.class, failure);
        if (otherSource != null) {
            return new ApiError(409, otherSource.getMessage(), null, null);
        }
        NotFoundException notFound = ObjectHelper.getException(NotFoundException.class, failure);
        if (notFound != null) {
            return new ApiError(404, notFound.getMessage(), null, null);
        }
        InvalidParameterException invalid = ObjectHelper.getException(InvalidParameterException.class, failure);
        if (invalid != null) {
            return new ApiError(400, invalid.getMessage(), invalid.parameter(), null);
        }
        // only the planning of a requested mode throws it here, e.g. mode=reconcile before RECONCILE exists
        IllegalArgumentException badMode = ObjectHelper.getException(IllegalArgumentException.class, failure);
        if (badMode != null) {
            return new ApiError(400, badMode.getMessage(), "mode", null);
        }
        // the cause goes to the log only: its message may name hosts or statements that a caller has no use for
        log.error("API request failed", failure);
        return new ApiError(500, "internal error (" + failure.getClass().getSimpleName() + "); see the service log",
                null, null);
    }
}
