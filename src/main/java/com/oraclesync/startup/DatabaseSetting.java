package com.oraclesync.startup;

import com.oraclesync.database.DatabaseSettings;
import com.oraclesync.database.DatabaseUrl;
import java.util.Properties;
import org.postgresql.Driver;
import org.springframework.core.env.Environment;

/**
 * The configured database as a start-up message names it: the setting it comes from, read by
 * {@link DatabaseSettings} in the order {@code DatabaseConfiguration} reads them, its shape, where its login is set, and its host, port, database and user
 * (never its password).
 */
record DatabaseSetting(String variable, String shape, String login, String host, String port, String database,
                       String user) {

    private static final String LIBPQ_SHAPE = "postgresql://user:password@host:port/database";

    /** Null for the embedded PostgreSQL: nothing the user set. */
    static DatabaseSetting of(Environment env) {
        String springUrl = DatabaseSettings.springDatasource(env, "url");
        if (DatabaseSettings.hasText(springUrl)) {
            return parse("SPRING_DATASOURCE_URL", "jdbc:postgresql://host:port/database",
                    "SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD", springUrl,
                    DatabaseSettings.springDatasource(env, "username"));
        }
        String databaseUrl = DatabaseSettings.databaseUrl(env);
        if (DatabaseSettings.hasText(databaseUrl)) {
            DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl);
            return parse("DATABASE_URL", LIBPQ_SHAPE, "the user and password in DATABASE_URL (" + LIBPQ_SHAPE
                    + "; percent-encode @ : / in the password)", parsed.jdbcUrl(), parsed.username());
        }
        return null;
    }

    private static DatabaseSetting parse(String variable, String shape, String login, String jdbcUrl, String user) {
        Properties url = Driver.parseURL(jdbcUrl, null);
        if (url == null) {
            return new DatabaseSetting(variable, shape, login, "?", "?", "?", user);
        }
        return new DatabaseSetting(variable, shape, login, url.getProperty("PGHOST"), url.getProperty("PGPORT"),
                url.getProperty("PGDBNAME"), user != null ? user : url.getProperty("user"));
    }

    String address() {
        return host + ":" + port;
    }
}
