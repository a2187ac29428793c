package com.oraclesync.oracle;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Oracle timeouts, given as durations in application.yml, applied to Camel's http component. The HTTP client's own
 * silent retries are off: every attempt is the route's, counted, spaced and bounded by {@code oracle.retry.*}.
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

    /**
     * Given to the Oracle endpoint ({@code httpClientConfigurer}): without it, Apache HttpClient repeats a 429 or 503
     * once by itself, after Oracle's Retry-After, behind the route's back: every retry would cost two requests.
     */
    @Bean
    HttpClientConfigurer oracleHttpClient() {
        return HttpClientBuilder::disableAutomaticRetries;
    }
}
