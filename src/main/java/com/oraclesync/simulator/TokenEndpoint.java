package com.oraclesync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OCI IAM identity domain's token endpoint ({@code POST /oauth2/v1/token}) for the simulator: the client-credentials
 * and JWT-bearer grants for one confidential application, short-lived opaque access tokens that the opportunities
 * resource checks, and the faults a test needs: tokens expired early, answers that fail.
 */
public final class TokenEndpoint implements HttpHandler {

    public static final String PATH = "/oauth2/v1/token";
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final List<TokenRequest> requests = new ArrayList<>();
    private volatile String clientId;
    private volatile byte[] clientSecret;
    private volatile PublicKey assertionKey;
    private volatile Duration lifetime = Duration.ofMinutes(5);
    private final TokenFaults faults = new TokenFaults();

    TokenEndpoint(Clock clock) {
        this.clock = clock;
    }

    /** The one confidential application the endpoint knows; until set, every client is refused. */
    public void acceptClient(String id, String secret) {
        this.clientId = id;
        this.clientSecret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The public key of the certificate the application trusts for JWT-bearer assertions. */
    public void trustAssertionsSignedBy(PublicKey key) {
        this.assertionKey = key;
    }

    /** How long the tokens issued from now on live ({@code expires_in}). */
    public void tokenLifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Ends every token issued so far, before its time: the next request with one is answered 401. */
    public void expireAll() {
        tokens.replaceAll((token, expiry) -> Instant.EPOCH);
    }

    public TokenFaults faults() {
        return faults;
    }

    public synchronized List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    /** Every access token issued, for tests that check none of them leaks. */
    public List<String> issuedTokens() {
        return List.copyOf(tokens.keySet());
    }

    /** Forgets clients, keys, tokens, faults and requests. */
    public synchronized void reset() {
        clientId = null;
        clientSecret = null;
        assertionKey = null;
        lifetime = Duration.ofMinutes(5);
        tokens.clear();
        requests.clear();
        faults.reset();
    }

    /** True for an {@code Authorization: Bearer} header with a token this endpoint issued and that is still valid. */
    boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return false;
        }
        Instant expiry = tokens.get(authorizationHeader.substring(7).strip());
        return expiry != null && clock.instant().isBefore(expiry);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = QueryStrings.decode(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            String[] client = clientCredentials(exchange.getRequestHeaders().getFirst("Authorization"), form);
            String grant = form.get("grant_type");
            String scope = form.get("scope");
            TokenFaults.Failure failure = faults.takeFailure();
            if (failure != null) {
                if (failure.retryAfter() != null) {
                    exchange.getResponseHeaders().set("Retry-After", failure.retryAfter());
                }
                answer(exchange, failure.status(), Map.of("error", "temporarily_unavailable"), grant, client[0], null,
                        scope);
            } else if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, Map.of("error", "invalid_request"), grant, client[0], null, scope);
            } else if (!knownClient(client)) {
                answer(exchange, 401, Map.of("error", "invalid_client",
                        "error_description", "Client authentication failed"), grant, client[0], null, scope);
            } else if ("client_credentials".equals(grant)) {
                issue(exchange, grant, client[0], null, scope);
            } else if (JWT_BEARER.equals(grant)) {
                try {
                    JsonNode claims = JwtAssertions.verify(form.get("assertion"), assertionKey, client[0], clock.instant());
                    issue(exchange, grant, client[0], claims.path("sub").asText(), scope);
                } catch (QueryException invalid) {
                    answer(exchange, 400, Map.of("error", "invalid_grant", "error_description", invalid.getMessage()),
                            grant, client[0], null, scope);
                }
            } else {
                answer(exchange, 400, Map.of("error", "unsupported_grant_type"), grant, client[0], null, scope);
            }
        }
    }

    private void issue(HttpExchange exchange, String grant, String client, String subject, String scope)
            throws IOException {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "sim-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Duration validFor = lifetime;
        tokens.put(token, clock.instant().plus(validFor));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", validFor.toSeconds());
        if (scope != null) {
            body.put("scope", scope);
        }
        int padding = faults.takePadding();
        if (padding > 0) {
            body.put("padding", "x".repeat(padding));
        }
        answer(exchange, 200, body, grant, client, subject, scope);
    }

    private void answer(HttpExchange exchange, int status, Map<String, ?> body, String grant, String client,
                        String subject, String scope) throws IOException {
        synchronized (this) {
            requests.add(new TokenRequest(grant, client, subject, scope, status, clock.instant()));
        }
        Map<String, String> headers = status == 401
                ? Map.of("Cache-Control", "no-store", "WWW-Authenticate", "Basic realm=\"identity\"")
                : Map.of("Cache-Control", "no-store");
        HttpResponses.send(exchange, status, SimulatedResponse.JSON, SimulatorJson.MAPPER.writeValueAsBytes(body),
                headers);
    }

    private boolean knownClient(String[] client) {
        byte[] secret = clientSecret;
        return clientId != null && secret != null && clientId.equals(client[0]) && client[1] != null
                && MessageDigest.isEqual(secret, client[1].getBytes(StandardCharsets.UTF_8));
    }

    /** client_secret_basic (form-encoded id and secret in Basic, RFC 6749 2.3.1), or client_secret_post. */
    private static String[] clientCredentials(String authorization, Map<String, String> form) {
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    return new String[] {URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8)};
                }
            } catch (IllegalArgumentException notBase64) {
                return new String[] {null, null};
            }
        }
        return new String[] {form.get("client_id"), form.get("client_secret")};
    }
}
