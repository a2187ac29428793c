package com.oraclesync.oracle;

import java.io.IOException;

/**
 * The token endpoint could not give a token for a passing reason (down, overloaded, a timeout): an I/O failure of the
 * page request, so the route retries it like Oracle itself ({@code oracle.retry.*}). The message names the endpoint.
 */
public class OracleTokenUnavailableException extends IOException {

    public OracleTokenUnavailableException(String message) {
        super(message);
    }
}
