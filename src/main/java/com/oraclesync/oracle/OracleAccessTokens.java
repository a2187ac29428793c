package com.oraclesync.oracle;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

/**
 * Oracle's OAuth 2.0 access token, from Spring Security's client: kept until shortly before it expires
 * ({@code oracle.oauth.renew-before}), then renewed; renewed at once when Oracle refuses it. One token for the whole
 * service, asked for by one thread at a time.
 */
public class OracleAccessTokens {

    static final String REGISTRATION = "oracle";
    private static final String PRINCIPAL = "oracle-sync";
    private static final Logger log = LoggerFactory.getLogger(OracleAccessTokens.class);

    private final OAuth2AuthorizedClientManager manager;
    private final OAuth2AuthorizedClientService clients;
    private final OracleTokenFailures failures;
    private final String tokenUrl;
    private Instant loggedExpiry;

    OracleAccessTokens(OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientService clients,
                       OracleTokenFailures failures, String tokenUrl) {
        this.manager = manager;
        this.clients = clients;
        this.failures = failures;
        this.tokenUrl = tokenUrl;
    }

    /** A valid token, from the cache or the token endpoint. */
    public synchronized String current() throws OracleTokenUnavailableException {
        OAuth2AuthorizedClient client;
        try {
            client = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                    .principal(PRINCIPAL).build());
        } catch (RuntimeException failure) {
            Exception classified = failures.classify(failure);
            if (classified instanceof OracleTokenUnavailableException unavailable) {
                throw unavailable;
            }
            throw (OracleTokenRejectedException) classified;
        }
        if (client == null) {
            throw new OracleTokenRejectedException("The OAuth 2.0 client gave no access token for " + tokenUrl);
        }
        Instant expiry = client.getAccessToken().getExpiresAt();
        if (expiry != null && !expiry.equals(loggedExpiry)) {
            loggedExpiry = expiry;
            log.info("Oracle access token from {}, valid until {}", tokenUrl, expiry);
        }
        return client.getAccessToken().getTokenValue();
    }

    /** Drops the token Oracle refused (unless another request has replaced it already) and gets a new one. */
    public synchronized String renew(String refused) throws OracleTokenUnavailableException {
        OAuth2AuthorizedClient cached = clients.loadAuthorizedClient(REGISTRATION, PRINCIPAL);
        if (cached != null && cached.getAccessToken().getTokenValue().equals(refused)) {
            forget();
        }
        return current();
    }

    /** Drops the cached token: the next request asks the token endpoint for a new one. */
    public synchronized void forget() {
        clients.removeAuthorizedClient(REGISTRATION, PRINCIPAL);
    }

    String tokenUrl() {
        return tokenUrl;
    }

    @Override
    public String toString() {
        return "OracleAccessTokens[" + tokenUrl + "]";
    }
}
