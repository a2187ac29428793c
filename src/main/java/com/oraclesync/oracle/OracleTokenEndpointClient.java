package com.oraclesync.oracle;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client of the OAuth 2.0 token requests: Spring Security's default token client, with Oracle's connect and
 * read timeouts and {@link OracleResponseLimits} on every answer, so that a token request never hangs, never drips
 * past {@code oracle.limits.request-deadline} and never fills the heap. No retries of its own (the route retries a
 * token endpoint that is down like Oracle) and no redirects.
 */
final class OracleTokenEndpointClient implements AutoCloseable {

    private final OracleResponseLimits limits;
    private final CloseableHttpClient http;
    private final RestClient restClient;

    OracleTokenEndpointClient(OracleProperties oracle, OracleLimits limits, String tokenUrl) {
        this.limits = OracleResponseLimits.forTokens(limits, tokenUrl);
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(oracle.connectTimeout()))
                .setSocketTimeout(Timeout.of(oracle.readTimeout()))
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(connections).build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(oracle.connectTimeout()))
                        .setResponseTimeout(Timeout.of(oracle.readTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .addExecInterceptorFirst(OracleResponseLimits.NAME, this.limits)
                .build();
        this.restClient = RestClient.builder()
                .requestFactory(new HttpComponentsClientHttpRequestFactory(http))
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    RestClient restClient() {
        return restClient;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        limits.close();
    }
}
