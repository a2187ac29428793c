package com.oraclesync.oracle;

/** Oracle answered, but not with a page of items: an SSO login page, truncated JSON, or JSON without items. */
public class OracleResponseException extends RuntimeException {

    public OracleResponseException(String message) {
        super(message);
    }

    public OracleResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
