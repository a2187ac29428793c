package com.oraclesync.oracle;

import java.io.IOException;

/**
 * The token endpoint could not give a token for a passing reason (down, overloaded, a timeout): an I/O failure of the
 * page request, so the route retries it like Oracle itself ({@code oracle.retry.*}), after the endpoint's
 * {@code Retry-After} when it sent one. The message names the endpoint.
 */
public class OracleTokenUnavailableException extends IOException {

    private final String retryAfter;

    public OracleTokenUnavailableException(String message) {
        this(message, null);
    }

    public OracleTokenUnavailableException(String message, String retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** The endpoint's {@code Retry-After} header as it came, or null. */
    String retryAfter() {
        return retryAfter;
    }
}
