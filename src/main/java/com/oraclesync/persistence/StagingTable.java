package com.oraclesync.persistence;

import com.oraclesync.mapping.ColumnMapping;
import com.oraclesync.resource.SyncResource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a batch where the resource's upsert.sql reads it: {@code pg_temp.<name>_staging}, a temporary table of the
 * page transaction's own connection with one text column per mapped column plus {@code source_payload}, emptied and
 * filled by COPY. upsert.sql casts the text to the table's types while it moves the rows with one
 * {@code INSERT ... SELECT ... ON CONFLICT}. The table is the connection's, not the schema's: it is created the first
 * time a connection needs it ({@code ON COMMIT DELETE ROWS}, so no rows outlive a transaction) and vanishes with the
 * connection; it holds no data of its own and no migration has to know it. The route's {@code <name>Staging} bean.
 */
public class StagingTable {

    /** PostgreSQL's longest identifier (NAMEDATALEN - 1); a longer one would be cut, silently. */
    private static final int MAX_IDENTIFIER_BYTES = 63;
    private static final String SUFFIX = "_staging";

    private final DataSource dataSource;
    private final String name;
    private final List<String> columns;
    private final String emptyTable;
    private final String copyIn;

    public StagingTable(DataSource dataSource, SyncResource resource) {
        this(dataSource, resource.name(), columns(resource));
    }

    /**
     * @param columns the batch's column arrays in the order they are copied: mapped columns, then source_payload
     */
    public StagingTable(DataSource dataSource, String resourceName, List<String> columns) {
        this.dataSource = dataSource;
        this.name = name(resourceName);
        this.columns = List.copyOf(columns);
        String table = "pg_temp." + quoted(name);
        StringJoiner definitions = new StringJoiner(", ");
        StringJoiner list = new StringJoiner(", ");
        for (String column : this.columns) {
            definitions.add(quoted(column) + " text");
            list.add(quoted(column));
        }
        // one round trip: the table is there after a rollback that undid its creation, and empty after an earlier
        // batch of the same transaction
        this.emptyTable = "CREATE TEMPORARY TABLE IF NOT EXISTS " + table + " (" + definitions
                + ") ON COMMIT DELETE ROWS; DELETE FROM " + table;
        this.copyIn = "COPY " + table + " (" + list + ") FROM STDIN";
    }

    /**
     * The staging table of a resource: {@code <name>_staging}, lower-case. A resource name is letters, digits and
     * {@code _} (SyncResources), so the name needs no quoting; it is quoted all the same, and refused if PostgreSQL
     * would cut it.
     */
    public static String name(String resourceName) {
        String name = resourceName.toLowerCase(Locale.ROOT) + SUFFIX;
        if (!name.matches("[a-z][a-z0-9_]*") || name.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            throw new IllegalArgumentException("sync.resources." + resourceName + ": the resource's staging table "
                    + name + " must be letters, digits and _, at most " + MAX_IDENTIFIER_BYTES + " characters "
                    + "(a resource name of at most " + (MAX_IDENTIFIER_BYTES - SUFFIX.length()) + ")");
        }
        return name;
    }

    /** The staging table's columns, in copy order: the mapped columns, then source_payload. */
    public static List<String> columns(SyncResource resource) {
        List<String> columns = new ArrayList<>(resource.columns().stream().map(ColumnMapping::column).toList());
        columns.add("source_payload");
        return List.copyOf(columns);
    }

    public String name() {
        return name;
    }

    /** The batch, alone, in the staging table, on the page transaction's connection. */
    public void copy(Map<String, Object> batch) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The staging table is the page transaction's: call this from a transacted route");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            copyRows(connection, batch, 0, ((Number) batch.get("row_count")).intValue());
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive) of the batch, alone, in the staging table.
     *
     * @throws UncategorizedSQLException when PostgreSQL refuses them, with its SQLException (and SQLState) as cause
     */
    public void copyRows(Connection connection, Map<String, Object> batch, int from, int to) {
        String[][] values = new String[columns.size()][];
        for (int i = 0; i < values.length; i++) {
            if (!(batch.get(columns.get(i)) instanceof String[] array)) {
                throw new IllegalArgumentException("The batch has no column array " + columns.get(i) + " for " + name);
            }
            values[i] = array;
        }
        String step = emptyTable;
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute(emptyTable);
            }
            step = copyIn;
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyIn);
            try {
                CopyTextRows.write(copy, values, from, to);
                copy.endCopy();
            } catch (SQLException | RuntimeException e) {
                cancel(copy, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("Staging a batch in " + name, step, e);
        }
    }

    /** A COPY cut short leaves the connection in copy mode; ending it must not hide why it was cut short. */
    private static void cancel(CopyIn copy, Exception failure) {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
