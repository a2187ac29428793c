package com.oraclesync.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The HTTP port ({@code SERVER_PORT}) is taken; ahead of Boot's own analyzer, which does not name the setting. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class ServerPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        int port = cause.getPort();
        return new FailureAnalysis("Port " + port + " (SERVER_PORT) is already in use: another process, perhaps another "
                + "oracle-sync, listens on it.",
                "Stop that process (lsof -i :" + port + " shows it), or start this one on a free port, e.g. "
                        + "SERVER_PORT=" + (port == 65535 ? 8081 : port + 1) + ".", cause);
    }
}
