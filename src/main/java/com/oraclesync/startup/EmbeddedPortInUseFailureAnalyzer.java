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
        int port = cause.port();
        return new FailureAnalysis("Port " + port + " (DATABASE_EMBEDDED_PORT) of the embedded PostgreSQL is already in "
                + "use: another PostgreSQL, perhaps the demo of another oracle-sync, listens on it.",
                "Stop that process (lsof -i :" + port + " shows it), or set DATABASE_EMBEDDED_PORT to a free port "
                        + "(0 = any free port at each start).", cause);
    }
}
