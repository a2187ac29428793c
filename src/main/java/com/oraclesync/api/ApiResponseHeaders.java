package com.oraclesync.api;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * platform-http's header filter: no request header or query parameter goes back out as a response header. Camel copies
 * a request's headers into the message and the message's headers into the response, so an answer would otherwise echo
 * the caller's {@code Authorization}. The API's own routes clear the headers themselves (sync-api-json); this also
 * covers the routes that Camel generates, such as the OpenAPI document's. Headers a route sets of its own pass.
 */
@Component("apiResponseHeaders")
public class ApiResponseHeaders extends HttpHeaderFilterStrategy {

    private static final String REQUEST_HEADERS = "oracleSyncRequestHeaders";

    @Override
    public boolean applyFilterToExternalHeaders(String name, Object value, Exchange exchange) {
        if (exchange != null && name != null) {
            requestHeaders(exchange).add(name.toLowerCase(Locale.ROOT));
        }
        return super.applyFilterToExternalHeaders(name, value, exchange);
    }

    @Override
    public boolean applyFilterToCamelHeaders(String name, Object value, Exchange exchange) {
        if (super.applyFilterToCamelHeaders(name, value, exchange)) {
            return true;
        }
        return exchange != null && name != null && requestHeaders(exchange).contains(name.toLowerCase(Locale.ROOT));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> requestHeaders(Exchange exchange) {
        return (Set<String>) exchange.getProperties().computeIfAbsent(REQUEST_HEADERS,
                key -> ConcurrentHashMap.newKeySet());
    }
}
