package com.oraclesync.startup;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.postgresql.util.PSQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * The configured PostgreSQL refused the first connection (Flyway's, at start-up): not reachable, no such database,
 * or a login it does not accept. Read by SQLState, so any start-up step that connects first gets the same message.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<PSQLException> {

    private final Environment environment;

    DatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PSQLException cause) {
        DatabaseSetting database = DatabaseSetting.of(environment);
        String state = cause.getSQLState();
        if (database == null || state == null) {
            return null;
        }
        if (state.startsWith("08")) {
            return unreachable(database, cause);
        }
        if (state.equals("3D000")) {
            return missingDatabase(database, cause);
        }
        if (state.startsWith("28")) {
            return loginRefused(database, cause);
        }
        return null;
    }

    private static FailureAnalysis unreachable(DatabaseSetting database, PSQLException cause) {
        return new FailureAnalysis("The PostgreSQL server of " + database.variable() + " (" + database.address()
                + ") cannot be reached: " + reason(cause) + ".",
                "Start PostgreSQL there (or open the firewall to it), or correct the host and port in "
                        + database.variable() + " (" + database.shape() + ").", cause);
    }

    private static FailureAnalysis missingDatabase(DatabaseSetting database, PSQLException cause) {
        String user = database.user() != null ? " -U " + database.user() : "";
        return new FailureAnalysis("The database \"" + database.database() + "\" named in " + database.variable()
                + " does not exist on the PostgreSQL server at " + database.address() + ".",
                "Create it (the service then creates its tables):\n    createdb -h " + database.host() + " -p "
                        + database.port() + user + " " + database.database()
                        + "\nor name an existing database in " + database.variable() + ".", cause);
    }

    private static FailureAnalysis loginRefused(DatabaseSetting database, PSQLException cause) {
        String server = cause.getServerErrorMessage() != null ? cause.getServerErrorMessage().getMessage()
                : cause.getMessage();
        return new FailureAnalysis("PostgreSQL at " + database.address() + " refused the login"
                + (database.user() != null ? " of user '" + database.user() + "'" : "") + " from " + database.variable()
                + ": " + server + ".",
                "Correct " + database.login() + ", or create that login in PostgreSQL.", cause);
    }

    /** What the network said, without pgjdbc's generic advice. */
    private static String reason(PSQLException cause) {
        Throwable network = cause.getCause();
        if (network instanceof UnknownHostException) {
            return "unknown host";
        }
        if (network instanceof ConnectException) {
            return "connection refused";
        }
        if (network instanceof SocketTimeoutException) {
            return "no answer in time";
        }
        return cause.getMessage();
    }
}
