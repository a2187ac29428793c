package com.oraclesync.oracle;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Adds Oracle's Basic credentials to each request the HTTP client sends to the Oracle host, and to no other host (a
 * redirect elsewhere goes without them). The credentials come from {@code oracle.user} / {@code oracle.password} in
 * Java, so no endpoint URI holds them: route dumps, endpoint listings, Hawtio, exceptions and logs cannot show them,
 * whatever characters the password holds.
 */
final class OracleCredentials implements HttpRequestInterceptor {

    private final OracleHost oracleHost;
    private final String authorization;

    OracleCredentials(OracleProperties oracle) {
        this.oracleHost = OracleHost.of(oracle.baseUrl());
        String pair = oracle.user() + ":" + oracle.password();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void process(HttpRequest request, EntityDetails entity, HttpContext context) {
        if (oracleHost.isTargetOf(request)) {
            request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
    }

    @Override
    public String toString() {
        return "OracleCredentials[" + oracleHost + "]";
    }
}
