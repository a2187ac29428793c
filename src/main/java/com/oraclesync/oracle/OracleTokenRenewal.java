package com.oraclesync.oracle;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ORACLE_AUTH=oauth2}: when Oracle answers 401 to a request that carried an access token (revoked, or expired
 * before its time), renews the token once and sends the request again; a second 401 fails the run with a message
 * that names the token endpoint. Sits first in the HTTP client's chain, so the resent request passes
 * {@link OracleBearerToken} again.
 */
final class OracleTokenRenewal implements ExecChainHandler {

    static final String NAME = "oracle-token-renewal";
    private static final Logger log = LoggerFactory.getLogger(OracleTokenRenewal.class);

    private final OracleAccessTokens tokens;

    OracleTokenRenewal(OracleAccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        ClassicHttpResponse response = chain.proceed(request, scope);
        Object refused = scope.clientContext.getAttribute(OracleBearerToken.TOKEN_USED);
        if (response.getCode() != HttpStatus.SC_UNAUTHORIZED || !(refused instanceof String token)) {
            return response;
        }
        discard(response);
        log.warn("Oracle refused the access token (HTTP 401) at {}; renewing it at {} and sending the request again",
                resource(request), tokens.tokenUrl());
        tokens.renew(token);
        ClassicHttpResponse again = chain.proceed(ClassicRequestBuilder.copy(scope.originalRequest).build(), scope);
        if (again.getCode() == HttpStatus.SC_UNAUTHORIZED) {
            discard(again);
            throw new OracleTokenRejectedException("Oracle rejected the OAuth 2.0 access token (HTTP 401) at "
                    + resource(request) + ", also a new one from the token endpoint " + tokens.tokenUrl()
                    + ": check that the confidential application may call Oracle Fusion (ORACLE_OAUTH_SCOPE, its "
                    + "roles, and for the JWT-bearer grant the user ORACLE_OAUTH_JWT_SUBJECT)");
        }
        return again;
    }

    private static void discard(ClassicHttpResponse response) throws IOException {
        EntityUtils.consume(response.getEntity());
        response.close();
    }

    /** Scheme, host and path: never the query. */
    private static String resource(ClassicHttpRequest request) {
        try {
            URI uri = request.getUri();
            return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        } catch (URISyntaxException notAUri) {
            return String.valueOf(request.getAuthority());
        }
    }
}
