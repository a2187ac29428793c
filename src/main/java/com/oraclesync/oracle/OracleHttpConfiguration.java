package com.oraclesync.oracle;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Oracle timeouts, given as durations in application.yml, applied to Camel's http component. The HTTP client's own
 * silent retries are off: every attempt is the route's, counted, spaced and bounded by {@code oracle.retry.*}.
 */
@Configuration(proxyBeanMethods = false)
class OracleHttpConfiguration {

    @Bean
    ComponentCustomizer oracleHttpTimeouts(OracleProperties oracle) {
        return ComponentCustomizer.builder(HttpComponent.class).build(http -> {
            http.setConnectTimeout(oracle.connectTimeout().toMillis());
            http.setConnectionRequestTimeout(oracle.connectTimeout().toMillis());
            http.setSoTimeout(oracle.readTimeout().toMillis());
            http.setResponseTimeout(oracle.readTimeout().toMillis());
        });
    }

    /**
     * Given to the Oracle endpoint ({@code httpClientConfigurer}): without it, Apache HttpClient repeats a 429 or 503
     * once by itself, after Oracle's Retry-After, behind the route's back: every retry would cost two requests. With
     * {@code ORACLE_AUTH=oauth2}, the bearer-token strategy plugs into the same client.
     */
    @Bean
    HttpClientConfigurer oracleHttpClient(ObjectProvider<OracleOAuthConfiguration.OracleBearerAuthentication> oauth) {
        return builder -> {
            builder.disableAutomaticRetries();
            oauth.ifAvailable(bearer -> bearer.configure(builder));
        };
    }
}
