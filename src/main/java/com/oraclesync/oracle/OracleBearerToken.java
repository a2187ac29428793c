package com.oraclesync.oracle;

import java.io.IOException;
import java.net.URI;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.net.URIAuthority;

/**
 * {@code ORACLE_AUTH=oauth2}: adds {@code Authorization: Bearer <token>} to each request the Oracle endpoint's HTTP
 * client sends to the Oracle host, and to no other host (a redirect elsewhere goes without it). The token used is
 * left in the request's context for {@link OracleTokenRenewal}.
 */
final class OracleBearerToken implements HttpRequestInterceptor {

    static final String TOKEN_USED = OracleBearerToken.class.getName() + ".token";

    private final OracleAccessTokens tokens;
    private final String host;
    private final int port;

    OracleBearerToken(OracleAccessTokens tokens, String baseUrl) {
        this.tokens = tokens;
        URI base = URI.create(baseUrl);
        this.host = base.getHost();
        this.port = port(base.getPort(), base.getScheme());
    }

    @Override
    public void process(HttpRequest request, EntityDetails entity, HttpContext context) throws IOException {
        URIAuthority target = request.getAuthority();
        if (target == null || !host.equalsIgnoreCase(target.getHostName())
                || port != port(target.getPort(), request.getScheme())) {
            return;
        }
        String token = tokens.current();
        request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        context.setAttribute(TOKEN_USED, token);
    }

    private static int port(int port, String scheme) {
        return port >= 0 ? port : "http".equalsIgnoreCase(scheme) ? 80 : 443;
    }

    @Override
    public String toString() {
        return "OracleBearerToken[" + host + ":" + port + "]";
    }
}
