package com.oraclesync.simulator;

import java.time.Duration;

/** The faults a test asks of the simulator's token endpoint: answers that fail, answers too large to be a token. */
public final class TokenFaults {

    private int failuresLeft;
    private int failureStatus;
    private String failureRetryAfter;
    private int oversizedLeft;
    private int oversizedBytes;

    /** The next {@code count} token requests are answered with {@code status}, as an endpoint that is down. */
    public void failNext(int count, int status) {
        failNext(count, status, null);
    }

    /** As {@link #failNext(int, int)}, each answer asking the client to wait (a {@code Retry-After} header). */
    public synchronized void failNext(int count, int status, Duration retryAfter) {
        this.failuresLeft = count;
        this.failureStatus = status;
        this.failureRetryAfter = retryAfter == null ? null : String.valueOf(retryAfter.toSeconds());
    }

    /** The next {@code count} tokens issued come in an answer of about {@code bytes} bytes: a broken endpoint or proxy. */
    public synchronized void oversizeNext(int count, int bytes) {
        this.oversizedLeft = count;
        this.oversizedBytes = bytes;
    }

    synchronized void reset() {
        failuresLeft = 0;
        oversizedLeft = 0;
    }

    /** The failure the next request gets, or null to answer it as the endpoint would. */
    synchronized Failure takeFailure() {
        if (failuresLeft <= 0) {
            return null;
        }
        failuresLeft--;
        return new Failure(failureStatus, failureRetryAfter);
    }

    /** How many bytes of padding the next token answer carries: 0 for none. */
    synchronized int takePadding() {
        if (oversizedLeft <= 0) {
            return 0;
        }
        oversizedLeft--;
        return oversizedBytes;
    }

    /** @param retryAfter the {@code Retry-After} header's value, or null for none */
    record Failure(int status, String retryAfter) {
    }
}
