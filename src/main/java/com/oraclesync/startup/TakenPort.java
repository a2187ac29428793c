package com.oraclesync.startup;

import org.springframework.boot.diagnostics.FailureAnalysis;

/** The block for a port that another process holds: the port, its setting, and how to free it or pick another. */
final class TakenPort {

    private TakenPort() {
    }

    /** {@code listener} says who probably listens there; {@code freeExample} is a value of the setting to try. */
    static FailureAnalysis analysis(int port, String setting, String what, String listener, String freeExample,
                                    Throwable cause) {
        return new FailureAnalysis("Port " + port + " (" + setting + ")" + what + " is already in use: " + listener
                + ".",
                "Stop that process (lsof -i :" + port + " shows it), or set " + setting + " to a free port, e.g. "
                        + setting + "=" + freeExample + ".", cause);
    }
}
