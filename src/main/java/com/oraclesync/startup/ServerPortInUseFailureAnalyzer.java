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
        return TakenPort.analysis(cause.getPort(), "SERVER_PORT", "",
                "another process listens on it, perhaps another oracle-sync", String.valueOf(cause.getPort() + 1),
                cause);
    }
}
