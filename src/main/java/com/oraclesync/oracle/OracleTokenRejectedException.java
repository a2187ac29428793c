package com.oraclesync.oracle;

/**
 * The token endpoint refused the client or the grant, or Oracle refused a token even when it was new: another attempt
 * would only be refused again (and could lock the account), so the run fails at once with this message, which names
 * the token endpoint and the settings to check, never a secret or a token. It carries no cause on purpose: a cause
 * that is an I/O failure would make the route retry it.
 */
public class OracleTokenRejectedException extends RuntimeException {

    public OracleTokenRejectedException(String message) {
        super(message);
    }
}
