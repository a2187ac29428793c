package com.oraclesync.oracle;

import java.io.IOException;

/**
 * A response from Oracle went beyond one of {@link OracleLimits}. Not worth another attempt: the same page would be
 * as large, as deep or as slow again. An {@link IOException}, so that it passes unchanged through the HTTP client's
 * streams.
 */
public class OracleLimitExceededException extends IOException {

    public OracleLimitExceededException(String message) {
        super(message);
    }

    public OracleLimitExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
