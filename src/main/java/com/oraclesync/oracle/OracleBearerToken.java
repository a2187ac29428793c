package com.oraclesync.oracle;

import java.io.IOException;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * {@code ORACLE_AUTH=oauth2}: adds {@code Authorization: Bearer <token>} to each request the Oracle endpoint's HTTP
 * client sends to the Oracle host, and to no other host (a redirect elsewhere goes without it). The token used is
 * left in the request's context for {@link OracleTokenRenewal}.
 */
final class OracleBearerToken implements HttpRequestInterceptor {

    static final String TOKEN_USED = OracleBearerToken.class.getName() + ".token";

    private final OracleAccessTokens tokens;
    private final OracleHost oracleHost;

    OracleBearerToken(OracleAccessTokens tokens, String baseUrl) {
        this.tokens = tokens;
        this.oracleHost = OracleHost.of(baseUrl);
    }

    @Override
    public void process(HttpRequest request, EntityDetails entity, HttpContext context) throws IOException {
        if (!oracleHost.isTargetOf(request)) {
            return;
        }
        String token = tokens.current();
        request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        context.setAttribute(TOKEN_USED, token);
    }

    @Override
    public String toString() {
        return "OracleBearerToken[" + oracleHost + "]";
    }
}
