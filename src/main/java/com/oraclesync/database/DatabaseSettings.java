package com.oraclesync.database;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Reads the database settings without {@link Environment#getProperty}: it resolves placeholders strictly, and a
 * password holding {@code ${x}} would fail the start-up with a message that quotes the password.
 */
public final class DatabaseSettings {

    private DatabaseSettings() {
    }

    /** Which setting names a database ({@code SPRING_DATASOURCE_URL} or {@code DATABASE_URL}), or null. */
    public static String configuredBy(ConfigurableEnvironment environment) {
        if (hasText(springDatasource(environment, "url"))) {
            return "SPRING_DATASOURCE_URL";
        }
        return hasText(databaseUrl(environment)) ? "DATABASE_URL" : null;
    }

    /** {@code spring.datasource.<key>}, placeholders resolved where they resolve and kept as text where not. */
    public static String springDatasource(Environment environment, String key) {
        return Binder.get(environment).bind("spring.datasource." + key, String.class).orElse(null);
    }

    /** The replaced scripts' {@code DATABASE_URL}, exactly as given. */
    public static String databaseUrl(Environment environment) {
        for (PropertySource<?> source : ((ConfigurableEnvironment) environment).getPropertySources()) {
            Object value = ConfigurationPropertySources.isAttachedConfigurationPropertySource(source) ? null
                    : source.getProperty("DATABASE_URL");
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }

    public static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
