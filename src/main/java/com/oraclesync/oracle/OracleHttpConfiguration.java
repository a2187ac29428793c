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

    @Bean
    ComponentCustomizer oracleHttpTimeouts(OracleProperties oracle) {
        return ComponentCustomizer.builder(HttpComponent.class).build(http -> {
            http.setConnectTimeout(oracle.connectTimeout().toMillis());
            http.setConnectionRequestTimeout(oracle.connectTimeout().toMillis());
            http.setSoTimeout(oracle.readTimeout().toMillis());
            http.setResponseTimeout(oracle.readTimeout().toMillis());
        });
    }

    @Bean(destroyMethod = "close")
    OracleResponseLimits oracleResponseLimits(OracleLimits limits, OracleResponses responses) {
        return new OracleResponseLimits(limits, responses.resource());
    }

    /**
     * Without {@code disableAutomaticRetries}, Apache HttpClient repeats a 429 or 503 once by itself, after Oracle's
     * Retry-After, behind the route's back: every retry would cost two requests. Oracle's credentials are Basic
     * ({@link OracleCredentials}) or, with {@code ORACLE_AUTH=oauth2}, the bearer-token strategy that plugs into the
     * same client.
     */
    @Bean
    HttpClientConfigurer oracleHttpClient(OracleProperties oracle, OracleResponseLimits limits,
                                          ObjectProvider<OracleOAuthConfiguration.OracleBearerAuthentication> oauth) {
        OracleCredentials credentials = oracle.auth() == OracleProperties.Auth.BASIC ? new OracleCredentials(oracle) : null;
        return builder -> {
            builder.disableAutomaticRetries().addExecInterceptorFirst(OracleResponseLimits.NAME, limits);
            if (credentials != null) {
                builder.addRequestInterceptorLast(credentials);
            }
            oauth.ifAvailable(bearer -> bearer.configure(builder));
        };
    }
}
