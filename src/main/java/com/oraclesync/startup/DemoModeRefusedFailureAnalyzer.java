package com.oraclesync.startup;

import com.oraclesync.oracle.DemoModeRefusedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** A database configured without {@code ORACLE_BASE_URL} and without {@code DEMO_MODE=true}, or both modes at once. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoModeRefusedFailureAnalyzer extends AbstractFailureAnalyzer<DemoModeRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoModeRefusedException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
