package com.oraclesync.oracle;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Oracle timeouts, given as durations in application.yml, applied to Camel's http component; and the Oracle
 * endpoint's HTTP client ({@code httpClientConfigurer: "#oracleHttpClient"}): its credentials, its response limits,
 * and none of its own silent retries, since every attempt is the route's, counted, spaced and bounded by
 * {@code oracle.retry.*}.
 */
@Configuration(proxyBeanMethods = false)
class OracleHttpConfiguration {

    /**
     * Camel creates its customizers while it builds its context: {@code oracle.*} is bound later, when the http
     * component is added, so that a mistake in it is reported on its own rather than from inside Camel's context.
     */
    @Bean
    ComponentCustomizer oracleHttpTimeouts(ObjectProvider<OracleProperties> properties) {
        return ComponentCustomizer.builder(HttpComponent.class).build(http -> {
            OracleProperties oracle = properties.getObject();
            http.setConnectTimeout(oracle.connectTimeout().toMillis());
            http.setConnectionRequestTimeout(oracle.connectTimeout().toMillis());
            http.setSoTimeout(oracle.readTimeout().toMillis());
            http.setResponseTimeout(oracle.readTimeout().toMillis());
        });
    }

    @Bean(destroyMethod = "close")
    OracleResponseLimits oracleResponseLimits(OracleLimits limits, ObjectProvider<OracleProperties> properties) {
        // one HTTP client serves every resource: its messages name Oracle's host, the run's message the resource
        return OracleResponseLimits.forPages(limits, properties.getObject().baseUrl());
    }

    /**
     * Without {@code disableAutomaticRetries}, Apache HttpClient repeats a 429 or 503 once by itself, after Oracle's
     * Retry-After, behind the route's back: every retry would cost two requests. Oracle's credentials are Basic
     * ({@link OracleCredentials}) or, with {@code ORACLE_AUTH=oauth2}, the bearer-token strategy that plugs into the
     * same client.
     */
    @Bean
    HttpClientConfigurer oracleHttpClient(ObjectProvider<OracleProperties> properties,
                                          ObjectProvider<OracleResponseLimits> limits,
                                          ObjectProvider<OracleOAuthConfiguration.OracleBearerAuthentication> oauth) {
        // resolved when the Oracle endpoint builds its client, not when Camel autowires its http component
        return builder -> {
            OracleProperties oracle = properties.getObject();
            builder.disableAutomaticRetries().addExecInterceptorFirst(OracleResponseLimits.NAME, limits.getObject());
            if (oracle.auth() == OracleProperties.Auth.BASIC) {
                builder.addRequestInterceptorLast(new OracleCredentials(oracle));
            }
            oauth.ifAvailable(bearer -> bearer.configure(builder));
        };
    }
}
