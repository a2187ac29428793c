package com.oraclesync.support;

import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Gives every {@link SyncIntegrationTest} class a database of its own, and so a Spring context of its own; a
 * {@link StoppableDatabase} class gets a server of its own.
 */
public class OwnDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        if (!AnnotatedElementUtils.hasAnnotation(testClass, SyncIntegrationTest.class)) {
            return null;
        }
        return new OwnDatabase(testClass.getSimpleName(),
                AnnotatedElementUtils.hasAnnotation(testClass, StoppableDatabase.class));
    }

    private record OwnDatabase(String name, boolean stoppable) implements ContextCustomizer {
        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     org.springframework.test.context.MergedContextConfiguration config) {
            String url = stoppable ? StoppablePostgres.jdbcUrl() : TestPostgres.databaseUrl(name);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase",
                    Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres")));
        }
    }
}
