package com.oraclesync.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.JwtBearerOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientJwtBearerTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * {@code ORACLE_AUTH=oauth2}: Spring Security's OAuth 2.0 client for the tenant's identity domain (one registration,
 * client credentials or JWT bearer, the client authenticated with its secret), and the strategy that plugs its token
 * into the Oracle endpoint's HTTP client.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "oracle.auth", havingValue = "oauth2")
class OracleOAuthConfiguration {

    @Bean(destroyMethod = "close")
    OracleTokenEndpointClient oracleTokenEndpointClient(OracleProperties oracle, OracleOAuthProperties oauth,
                                                        OracleLimits limits) {
        oauth.requireComplete();
        return new OracleTokenEndpointClient(oracle, limits, oauth.tokenUrl());
    }

    @Bean
    OracleAccessTokens oracleAccessTokens(OracleProperties oracle, OracleOAuthProperties oauth,
                                          OracleTokenEndpointClient tokenEndpoint) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(OracleAccessTokens.REGISTRATION)
                .tokenUri(oauth.tokenUrl())
                .clientId(oauth.clientId())
                .clientSecret(clientSecret(oauth))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(oauth.jwtBearer() ? AuthorizationGrantType.JWT_BEARER
                        : AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(oauth.scopes())
                .build();
        // not beans: a ClientRegistrationRepository bean would switch on Spring Boot's OAuth 2.0 login configuration
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        InMemoryOAuth2AuthorizedClientService clients = new InMemoryOAuth2AuthorizedClientService(registrations);
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(provider(oauth, tokenEndpoint.restClient()));
        return new OracleAccessTokens(manager, clients,
                new OracleTokenFailures(oauth.tokenUrl(), oracle.retry().statuses()), oauth.tokenUrl());
    }

    @Bean
    OracleBearerAuthentication oracleBearerAuthentication(OracleProperties oracle, OracleAccessTokens tokens) {
        return new OracleBearerAuthentication(new OracleBearerToken(tokens, oracle.baseUrl()),
                new OracleTokenRenewal(tokens));
    }

    private static OAuth2AuthorizedClientProvider provider(OracleOAuthProperties oauth, RestClient tokenEndpoint) {
        if (oauth.jwtBearer()) {
            OracleJwtAssertions assertions = new OracleJwtAssertions(oauth, Clock.systemUTC());
            RestClientJwtBearerTokenResponseClient client = new RestClientJwtBearerTokenResponseClient();
            client.setRestClient(tokenEndpoint);
            JwtBearerOAuth2AuthorizedClientProvider provider = new JwtBearerOAuth2AuthorizedClientProvider();
            provider.setAccessTokenResponseClient(client);
            provider.setJwtAssertionResolver(context -> assertions.next());
            provider.setClockSkew(oauth.renewBefore());
            return provider;
        }
        RestClientClientCredentialsTokenResponseClient client = new RestClientClientCredentialsTokenResponseClient();
        client.setRestClient(tokenEndpoint);
        ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(client);
        provider.setClockSkew(oauth.renewBefore());
        return provider;
    }

    private static String clientSecret(OracleOAuthProperties oauth) {
        if (oauth.clientSecretFile() == null || oauth.clientSecretFile().toString().isBlank()) {
            return oauth.clientSecret();
        }
        try {
            return Files.readString(oauth.clientSecretFile()).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not read ORACLE_OAUTH_CLIENT_SECRET_FILE "
                    + oauth.clientSecretFile() + ": " + e.getClass().getSimpleName());
        }
    }

    /** The bearer-token strategy of the Oracle endpoint's HTTP client. */
    static final class OracleBearerAuthentication {

        private final OracleBearerToken token;
        private final OracleTokenRenewal renewal;

        OracleBearerAuthentication(OracleBearerToken token, OracleTokenRenewal renewal) {
            this.token = token;
            this.renewal = renewal;
        }

        void configure(HttpClientBuilder builder) {
            builder.addRequestInterceptorLast(token).addExecInterceptorFirst(OracleTokenRenewal.NAME, renewal);
        }
    }
}
