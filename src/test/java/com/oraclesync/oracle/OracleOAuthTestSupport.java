package com.oraclesync.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.TokenEndpoint;
import com.oraclesync.simulator.TokenRequest;
import com.oraclesync.support.SyncTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service with {@code ORACLE_AUTH=oauth2} and no Basic credentials, against the simulator's token endpoint. */
abstract class OracleOAuthTestSupport extends SyncTestSupport {

    @Autowired
    protected OracleAccessTokens tokens;

    @DynamicPropertySource
    static void noBasicCredentials(DynamicPropertyRegistry registry) {
        // an OAuth 2.0 tenant has no integration user's password: the service must not need one
        registry.add("oracle.user", () -> "");
        registry.add("oracle.password", () -> "");
    }

    /** The one confidential application the token endpoint knows, and a service that holds no token yet. */
    protected void givenTheApplication(String clientId, String clientSecret) {
        oracle.tokens().reset();
        oracle.tokens().acceptClient(clientId, clientSecret);
        tokens.forget();
    }

    /**
     * Runs a sync that the token endpoint refuses with {@code status}: it must fail within 30 s, after that one
     * token request and no request to Oracle. Returns its error message.
     */
    protected String runSyncRefusedByTheTokenEndpoint(int status) {
        Instant start = Instant.now();
        Map<String, Object> log = runSync();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(30));
        assertThat(log).containsEntry("status", "FAILED");
        assertThat(oracle.tokens().requests()).extracting(TokenRequest::status).containsExactly(status);
        assertThat(requests()).isEmpty();
        String message = (String) log.get("error_message");
        assertThat(message).contains("The OAuth 2.0 token endpoint " + oracle.baseUrl() + TokenEndpoint.PATH
                + " refused the request");
        return message;
    }

    protected void givenOracleHas(int records) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        oracle.store().putAll(new OpportunityGenerator(5).generate(records, 1L, now.minus(10, ChronoUnit.DAYS),
                now.minus(1, ChronoUnit.HOURS)));
    }
}
