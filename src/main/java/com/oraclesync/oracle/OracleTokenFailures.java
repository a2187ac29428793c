package com.oraclesync.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.UnknownHostException;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.RestClientResponseException;

/**
 * Sorts a failed token request as the page requests are sorted ({@link OracleRetryPolicy}): a status among
 * {@code oracle.retry.statuses} or an I/O failure passes and is retried; a refusal, an unknown host or a certificate
 * problem is final. Messages name the token endpoint and what to check, never the secret.
 */
final class OracleTokenFailures {

    /** Spring Security's code for a response that is no token response at all (its real status is in the cause). */
    private static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tokenUrl;
    private final Set<Integer> retryStatuses;

    OracleTokenFailures(String tokenUrl, Set<Integer> retryStatuses) {
        this.tokenUrl = tokenUrl;
        this.retryStatuses = retryStatuses;
    }

    /** The exception to throw from the HTTP client: retried when it is an {@link IOException}. */
    Exception classify(RuntimeException failure) {
        for (Throwable current = failure; current != null && current.getCause() != current; current = current.getCause()) {
            if (current instanceof RestClientResponseException response) {
                int status = response.getStatusCode().value();
                return retryStatuses.contains(status)
                        ? new OracleTokenUnavailableException("The OAuth 2.0 token endpoint " + tokenUrl
                                + " answered HTTP " + status, retryAfter(response))
                        : refused("HTTP " + status + oauthError(failure, response.getResponseBodyAsString()));
            }
            if (current instanceof UnknownHostException || current instanceof SSLHandshakeException
                    || current instanceof MalformedURLException) {
                return new OracleTokenRejectedException("Could not reach the OAuth 2.0 token endpoint " + tokenUrl
                        + " (" + current.getClass().getSimpleName() + ": " + current.getMessage()
                        + "); check ORACLE_OAUTH_TOKEN_URL");
            }
            if (current instanceof OracleLimitExceededException limit) {
                return new OracleTokenRejectedException(limit.getMessage());
            }
            if (current instanceof IOException io) {
                return new OracleTokenUnavailableException("The OAuth 2.0 token endpoint " + tokenUrl
                        + " did not answer (" + io.getClass().getSimpleName() + ": " + io.getMessage() + ")");
            }
        }
        if (failure instanceof OAuth2AuthorizationException) {
            return refused("HTTP 400" + oauthError(failure, null));
        }
        return new OracleTokenRejectedException("No OAuth 2.0 access token from " + tokenUrl + ": "
                + failure.getClass().getSimpleName() + ": " + abbreviate(String.valueOf(failure.getMessage())));
    }

    private static String retryAfter(RestClientResponseException response) {
        return response.getResponseHeaders() == null ? null : response.getResponseHeaders().getFirst("Retry-After");
    }

    private OracleTokenRejectedException refused(String why) {
        return new OracleTokenRejectedException("The OAuth 2.0 token endpoint " + tokenUrl + " refused the request ("
                + why + "); check ORACLE_OAUTH_CLIENT_ID and ORACLE_OAUTH_CLIENT_SECRET (or _FILE), ORACLE_OAUTH_SCOPE, "
                + "and for the JWT-bearer grant ORACLE_OAUTH_JWT_KEY_FILE and ORACLE_OAUTH_JWT_SUBJECT");
    }

    /**
     * The {@code error} and {@code error_description} the endpoint answered: as Spring Security read them (a 400), else
     * from the body of another status (401 {@code invalid_client}).
     */
    private static String oauthError(RuntimeException failure, String body) {
        String code = null;
        String description = null;
        if (failure instanceof OAuth2AuthorizationException authorization
                && !INVALID_TOKEN_RESPONSE.equals(authorization.getError().getErrorCode())) {
            OAuth2Error error = authorization.getError();
            code = error.getErrorCode();
            description = error.getDescription();
        } else if (body != null && !body.isBlank()) {
            try {
                JsonNode json = JSON.readTree(body);
                code = json.path("error").isTextual() ? json.path("error").asText() : null;
                description = json.path("error_description").isTextual() ? json.path("error_description").asText() : null;
            } catch (IOException notJson) {
                return "";
            }
        }
        return code == null ? "" : " " + code + (description == null ? "" : ": " + abbreviate(description));
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }
}
