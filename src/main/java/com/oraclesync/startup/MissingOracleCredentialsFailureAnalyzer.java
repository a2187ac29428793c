package com.oraclesync.startup;

import com.oraclesync.oracle.MissingOracleCredentialsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** {@code ORACLE_BASE_URL} without {@code ORACLE_USER} / {@code ORACLE_PASS}. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingOracleCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<MissingOracleCredentialsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingOracleCredentialsException cause) {
        String missing = String.join(" and ", cause.missing());
        String verb = cause.missing().size() == 1 ? " is" : " are";
        return new FailureAnalysis("ORACLE_BASE_URL is set, but " + missing + verb + " not: the service cannot log in "
                + "to Oracle.",
                "Set ORACLE_USER and ORACLE_PASS to the name and password of the Oracle integration user, e.g. "
                        + "export ORACLE_USER=integration.user ORACLE_PASS='...'; or, for a tenant that issues OAuth 2.0 "
                        + "tokens, ORACLE_AUTH=oauth2 with ORACLE_OAUTH_TOKEN_URL, ORACLE_OAUTH_CLIENT_ID and "
                        + "ORACLE_OAUTH_CLIENT_SECRET", cause);
    }
}
