package com.oraclesync.oracle;

import java.util.List;

/** {@code ORACLE_BASE_URL} is set, but one or both of the integration user's credentials are not. */
public class MissingOracleCredentialsException extends IllegalArgumentException {

    private final List<String> missing;

    MissingOracleCredentialsException(List<String> missing) {
        super("ORACLE_BASE_URL is set but " + String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are")
                + " not: set ORACLE_USER and ORACLE_PASS to the integration user's credentials");
        this.missing = List.copyOf(missing);
    }

    /** The environment variables that are missing: ORACLE_USER, ORACLE_PASS or both. */
    public List<String> missing() {
        return missing;
    }
}
