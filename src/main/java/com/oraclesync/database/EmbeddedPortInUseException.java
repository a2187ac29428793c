package com.oraclesync.database;

/** The fixed port of the embedded PostgreSQL ({@code DATABASE_EMBEDDED_PORT}) is taken by another process. */
public class EmbeddedPortInUseException extends IllegalStateException {

    private final int port;

    EmbeddedPortInUseException(int port) {
        super("Port " + port + " of the embedded PostgreSQL (DATABASE_EMBEDDED_PORT) is already in use");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
