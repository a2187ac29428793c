package com.oraclesync.resource;

import com.oraclesync.mapping.ColumnMapping;
import com.oraclesync.mapping.ColumnType;
import com.oraclesync.mapping.InvalidMappingException;
import com.oraclesync.oracle.OracleProperties;
import com.oraclesync.persistence.StagingTable;
import com.oraclesync.sync.SyncProperties;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The resources this service syncs: every name of {@code sync.enabled} (SYNC_RESOURCES), defined by its
 * {@code sync.resources.<name>} block, with the defaults applied and checked at start-up, so that a mistake in a
 * definition stops the service with a message that names the setting.
 */
@Component
public class SyncResources {

    static final String DEFAULT_CURSOR_FIELD = "LastUpdateDate";
    static final String DEFAULT_KEY_COLUMN = "remote_id";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern NAMED_PARAMETER = Pattern.compile(":#(\\w+)");

    private final Map<String, SyncResource> enabled = new LinkedHashMap<>();
    private final String defaultName;

    public SyncResources(SyncProperties sync, OracleProperties oracle, JdbcClient jdbc,
                         ObjectProvider<FlywayMigrationInitializer> migrations) {
        // the tables are checked as the migrations leave them
        migrations.getIfAvailable();
        ResourceTables tables = new ResourceTables(jdbc);
        for (String name : sync.enabled()) {
            ResourceProperties definition = sync.resources().get(name);
            if (definition == null) {
                throw new IllegalArgumentException("SYNC_RESOURCES names '" + name + "', which has no sync.resources."
                        + name + " block; defined resources are " + sync.resources().keySet());
            }
            SyncResource resource = resolve(name, definition, sync, oracle, tables);
            enabled.values().stream().filter(other -> other.name().equalsIgnoreCase(name)).findFirst()
                    .ifPresent(other -> {
                        throw new IllegalArgumentException("SYNC_RESOURCES names '" + other.name() + "' and '" + name
                                + "', which differ only in case and would share the staging table "
                                + StagingTable.name(name));
                    });
            enabled.put(name, resource);
        }
        this.defaultName = sync.defaultResource();
    }

    /** @throws UnknownSyncException when no enabled resource has this name */
    public SyncResource get(String name) {
        SyncResource resource = enabled.get(name);
        if (resource == null) {
            throw new UnknownSyncException(name, enabled.keySet());
        }
        return resource;
    }

    /** The resource a request or a trigger without a sync name means. */
    public SyncResource defaultResource() {
        return get(defaultName);
    }

    /** The named resource; blank means the default one. */
    public SyncResource named(String name) {
        return name == null || name.isBlank() ? defaultResource() : get(name.trim());
    }

    public Collection<SyncResource> all() {
        return enabled.values();
    }

    public Set<String> names() {
        return enabled.keySet();
    }

    private static SyncResource resolve(String name, ResourceProperties definition, SyncProperties sync,
                                        OracleProperties oracle, ResourceTables tables) {
        String setting = "sync.resources." + name;
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(setting + ": a resource name is letters, digits and _ (was '" + name + "')");
        }
        String path = orDefault(definition.path(), name);
        String table = orDefault(definition.table(), name);
        for (String identifier : List.of(table, orDefault(definition.keyColumn(), DEFAULT_KEY_COLUMN))) {
            if (!IDENTIFIER.matcher(identifier).matches()) {
                throw new IllegalArgumentException(setting + ": '" + identifier
                        + "' is not a table or column name (lower-case letters, digits and _)");
            }
        }
        String cursorField = orDefault(definition.cursorField(), DEFAULT_CURSOR_FIELD);
        String keyColumn = orDefault(definition.keyColumn(), DEFAULT_KEY_COLUMN);
        List<ColumnMapping> columns = List.copyOf(definition.columns());
        checkColumns(setting + ".columns", columns, table, tables.mappableColumns(table));
        if (!keyColumn.equals(mappedColumn(setting, columns, definition.keyField(), ColumnType.INTEGER, "key-field"))) {
            throw new InvalidMappingException(setting + ".columns", "key-field " + definition.keyField()
                    + " must fill key-column " + keyColumn);
        }
        String cursorColumn = mappedColumn(setting, columns, cursorField, ColumnType.TIMESTAMPTZ, "cursor-field");
        URI base = URI.create(oracle.baseUrl());
        String resourcePath = "/crmRestApi/resources/" + oracle.apiVersion() + "/" + path;
        String origin = base.getScheme() + "://" + base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
        String resourceUrl = origin + resourcePath;
        String source = oracle.demoMode() ? "demo:" + path : origin.toLowerCase(Locale.ROOT) + "/" + path;
        List<String> fields = definition.fields() == null ? List.of()
                : definition.fields().stream().map(String::trim).filter(field -> !field.isEmpty()).toList();
        String finder = definition.finder() == null || definition.finder().isBlank() ? null : definition.finder().trim();
        Map<String, String> parameters = definition.parameters() == null ? Map.of() : Map.copyOf(definition.parameters());
        String sqlDirectory = sqlDirectory(setting, orDefault(definition.sqlDirectory(), "sql/" + name));
        checkUpsertParameters(setting, Path.of(sqlDirectory, "upsert.sql"), columns, parameters);
        checkReadsStagingTable(setting, Path.of(sqlDirectory, "upsert.sql"), StagingTable.name(name));
        return new SyncResource(name, "oracle_" + name, path, resourceUrl, source, definition.keyField(), cursorField,
                table, keyColumn, cursorColumn, columns, fields, finder,
                orDefault(definition.cron(), sync.cron()), orDefault(definition.reconcileCron(), sync.reconcile().cron()),
                definition.pageSize() == null ? sync.pageSize() : definition.pageSize(),
                definition.batchSize() == null ? sync.batchSize() : definition.batchSize(), parameters, sqlDirectory);
    }

    /** The resource's SQL must be there at start-up, rather than fail its first run. */
    private static String sqlDirectory(String setting, String directory) {
        for (String file : List.of("upsert.sql", "mark-deleted.sql", "count-active.sql")) {
            if (!Files.isReadable(Path.of(directory, file))) {
                throw new IllegalArgumentException(setting + ": " + Path.of(directory, file).toAbsolutePath().normalize()
                        + " is missing; every resource has its upsert.sql, mark-deleted.sql and count-active.sql "
                        + "(sql-directory, default sql/<name>)");
            }
        }
        return directory;
    }

    /** Every :#name of upsert.sql is a mapped column, source_payload or one of the resource's parameters. */
    private static void checkUpsertParameters(String setting, Path upsert, List<ColumnMapping> columns,
                                              Map<String, String> parameters) {
        Set<String> filled = new HashSet<>(parameters.keySet());
        columns.forEach(column -> filled.add(column.column()));
        filled.add("source_payload");
        Matcher named = NAMED_PARAMETER.matcher(SqlFiles.read(upsert));
        while (named.find()) {
            if (!filled.contains(named.group(1))) {
                throw new IllegalArgumentException(setting + ": " + upsert + " reads :#" + named.group(1)
                        + ", which no entry of columns and no key of parameters fills");
            }
        }
    }

    /** The batch is only ever in the staging table: an upsert.sql that does not read it writes nothing. */
    private static void checkReadsStagingTable(String setting, Path upsert, String stagingTable) {
        if (!SqlFiles.read(upsert).toLowerCase(Locale.ROOT).contains(stagingTable)) {
            throw new IllegalArgumentException(setting + ": " + upsert + " does not read pg_temp." + stagingTable
                    + ", the table each batch is copied into (one text column per mapped column plus source_payload; "
                    + "README, \"Adding a resource\")");
        }
    }

    /** Every entry names a column of the table, once, mapped as the type the column holds. */
    private static void checkColumns(String setting, List<ColumnMapping> columns, String table,
                                     Map<String, ColumnType> tableColumns) {
        if (tableColumns.isEmpty()) {
            throw new InvalidMappingException(setting, "the table '" + table + "' does not exist; create it with a "
                    + "migration (README, \"Adding a resource\")");
        }
        Set<String> seen = new HashSet<>();
        for (ColumnMapping mapping : columns) {
            ColumnType columnType = tableColumns.get(mapping.column());
            if (columnType == null) {
                throw new InvalidMappingException(setting, "unknown column '" + mapping.column()
                        + "'; mappable columns are " + tableColumns.keySet());
            }
            if (columnType != ColumnType.TEXT && mapping.type() != columnType) {
                throw new InvalidMappingException(setting, "column '" + mapping.column() + "' is "
                        + columnType.sqlName() + " in the database, but is mapped as " + mapping.type().sqlName());
            }
            if (!seen.add(mapping.column())) {
                throw new InvalidMappingException(setting, "column '" + mapping.column() + "' is mapped twice");
            }
        }
    }

    /** The column the field fills; it must be mapped, as the given type, since paging depends on it. */
    private static String mappedColumn(String setting, List<ColumnMapping> columns, String field, ColumnType type,
                                       String role) {
        ColumnMapping mapping = columns.stream().filter(column -> column.source().equals(field)).findFirst()
                .orElseThrow(() -> new InvalidMappingException(setting + ".columns", role + " " + field
                        + " must be mapped (it is the key and the paging cursor)"));
        if (mapping.type() != type) {
            throw new InvalidMappingException(setting + ".columns", role + " " + field + " must be mapped as "
                    + type.sqlName() + ", not " + mapping.type().sqlName());
        }
        return mapping.column();
    }

    private static String orDefault(String value, String defaultValue) {
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }
}
