package com.oraclesync.oracle;

import java.time.Duration;

/**
 * The failed attempts of the page request in progress (the exchange property {@value #PROPERTY}), so that the
 * run's failure message can say how long it tried and why it stopped.
 */
public final class OracleRetryState {

    public static final String PROPERTY = "oracleRetry";

    private int failedAttempts;
    private Duration waited = Duration.ZERO;
    private OracleRetryPolicy.Decision last;

    int failed() {
        return ++failedAttempts;
    }

    void decided(OracleRetryPolicy.Decision decision) {
        last = decision;
        if (decision.retry()) {
            waited = waited.plus(decision.delay());
        }
    }

    boolean retryPlanned() {
        return last != null && last.retry();
    }

    int failedAttempts() {
        return failedAttempts;
    }

    Duration waited() {
        return waited;
    }

    /** E.g. "gave up after 6 attempts and 31.0 s of back-off: oracle.retry.max-attempts is 6". */
    public String summary() {
        String attempts = failedAttempts == 1 ? "1 attempt" : failedAttempts + " attempts";
        return "gave up after " + attempts + " and " + OracleRetryPolicy.seconds(waited) + " of back-off"
                + (last == null || last.stopReason() == null ? "" : ": " + last.stopReason());
    }
}
