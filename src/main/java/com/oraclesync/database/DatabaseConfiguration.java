package com.oraclesync.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Chooses the database: Spring's own {@code spring.datasource.*} first, then the scripts' {@code DATABASE_URL},
 * else an embedded PostgreSQL with its data under {@code ./data/demo} (demo mode) or {@code ./data/embedded}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    DatabaseTarget databaseTarget(Environment env, ObjectProvider<EmbeddedDatabase> embedded) {
        String springUrl = DatabaseSettings.springDatasource(env, "url");
        if (DatabaseSettings.hasText(springUrl)) {
            return new DatabaseTarget(springUrl, DatabaseSettings.springDatasource(env, "username"),
                    DatabaseSettings.springDatasource(env, "password"), "spring.datasource.url");
        }
        String databaseUrl = DatabaseSettings.databaseUrl(env);
        if (DatabaseSettings.hasText(databaseUrl)) {
            DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl);
            return new DatabaseTarget(parsed.jdbcUrl(), parsed.username(), parsed.password(), "DATABASE_URL");
        }
        return new DatabaseTarget(embedded.getObject().jdbcUrl(), "postgres", null, "embedded PostgreSQL");
    }

    /**
     * The demo's data lives apart from a real Oracle's ({@code data/demo}, {@code data/embedded}): a start configured
     * for Oracle after the demo begins with an empty database rather than the demo's rows and watermark.
     */
    @Bean(destroyMethod = "destroy")
    @Lazy
    EmbeddedDatabase embeddedDatabase(Environment env) {
        Path root = Path.of(env.getProperty("database.embedded-data-directory", "data"));
        boolean demo = env.getProperty("oracle.demo-mode", Boolean.class, false);
        Path directory = root.resolve(demo ? "demo" : "embedded");
        Path earlier = root.resolve("postgres");
        if (Files.exists(earlier.resolve("PG_VERSION"))) {
            log.warn("{} holds the embedded database of an earlier version, no longer used: the demo keeps its data in "
                    + "{}, a real Oracle's in {}. To keep it, stop the service and move it to one of them",
                    earlier.toAbsolutePath(), root.resolve("demo").toAbsolutePath(),
                    root.resolve("embedded").toAbsolutePath());
        }
        String purpose = demo ? "for the demo (the built-in simulator)"
                : "for Oracle (ORACLE_BASE_URL; the demo's data, if any, stays in "
                        + root.resolve("demo").toAbsolutePath() + ")";
        return new EmbeddedDatabase(directory, env.getProperty("database.embedded-port", Integer.class, 0), purpose);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseTarget target) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(target.jdbcUrl());
        dataSource.setUsername(target.username());
        dataSource.setPassword(target.password());
        dataSource.setPoolName("oracle-sync");
        log.info("Database: {} from {}", withoutCredentials(target.jdbcUrl()), target.source());
        return dataSource;
    }

    static String withoutCredentials(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    record DatabaseTarget(String jdbcUrl, String username, String password, String source) {
        @Override
        public String toString() {
            return "DatabaseTarget[" + withoutCredentials(jdbcUrl) + " from " + source + "]";
        }
    }
}
