package com.oraclesync.startup;

import com.oraclesync.database.EmbeddedPortInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The embedded PostgreSQL's port ({@code DATABASE_EMBEDDED_PORT}) is taken, e.g. by a second demo. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class EmbeddedPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPortInUseException cause) {
        return TakenPort.analysis(cause.port(), "DATABASE_EMBEDDED_PORT", " of the embedded PostgreSQL",
                "another PostgreSQL listens on it, perhaps the embedded one of another oracle-sync, or one that a demo "
                        + "killed with kill -9 left running", "0 (any free port at each start)", cause);
    }
}
