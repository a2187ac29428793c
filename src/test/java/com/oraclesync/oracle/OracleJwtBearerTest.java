package com.oraclesync.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.oraclesync.simulator.RecordedRequest;
import com.oraclesync.simulator.TokenEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code ORACLE_AUTH=oauth2} with the JWT-bearer grant: an assertion for the integration user, signed with a private
 * key read from a PEM file, traded for access tokens at the simulator's token endpoint.
 */
@TestPropertySource(properties = {
        "oracle.auth=oauth2",
        "oracle.oauth.token-url=${oracle.base-url}" + TokenEndpoint.PATH,
        "oracle.oauth.client-id=" + OracleJwtBearerTest.CLIENT_ID,
        "oracle.oauth.client-secret=" + OracleJwtBearerTest.CLIENT_SECRET,
        "oracle.oauth.jwt-subject=" + OracleJwtBearerTest.SUBJECT,
        "oracle.oauth.jwt-key-id=oracle-sync-assertions",
        "sync.page-size=100"
})
class OracleJwtBearerTest extends OracleOAuthTestSupport {

    static final String CLIENT_ID = "oracle-sync-jwt";
    static final String CLIENT_SECRET = "Jwt-Cl1ent-S3cret-77c3";
    static final String SUBJECT = "integration.user@example.com";
    private static final KeyPair TRUSTED = rsaKeyPair();

    @DynamicPropertySource
    static void signingKeyFile(DynamicPropertyRegistry registry) {
        registry.add("oracle.oauth.jwt-key-file", () -> pemFile(TRUSTED).toString());
    }

    @BeforeEach
    void anApplicationThatTrustsTheCertificate() {
        givenTheApplication(CLIENT_ID, CLIENT_SECRET);
        oracle.tokens().trustAssertionsSignedBy(TRUSTED.getPublic());
    }

    @Test
    void aRunTradesAnAssertionForTheUserForATokenAndSucceeds() {
        // given
        givenOracleHas(250);

        // when
        Map<String, Object> log = runSync();

        // then
        assertThat(log).containsEntry("status", "SUCCESS").containsEntry("total_fetched", 250);
        assertThat(requests()).extracting(RecordedRequest::authScheme).containsOnly("Bearer");
        assertThat(oracle.tokens().requests()).singleElement().satisfies(token -> {
            assertThat(token.grantType()).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
            assertThat(token.subject()).isEqualTo(SUBJECT);
            assertThat(token.status()).isEqualTo(200);
        });
    }

    @Test
    void anAssertionTheApplicationDoesNotTrustFailsTheRunAtOnceNamingTheTokenEndpoint() {
        // given: the application trusts another certificate
        oracle.tokens().trustAssertionsSignedBy(rsaKeyPair().getPublic());
        givenOracleHas(10);

        // when
        String message = runSyncRefusedByTheTokenEndpoint(400);

        // then
        assertThat(message).contains("HTTP 400 invalid_grant: assertion signature does not verify")
                .contains("ORACLE_OAUTH_JWT_KEY_FILE").doesNotContain(CLIENT_SECRET);
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key as {@code openssl genpkey} writes it: PEM, PKCS#8, unencrypted. */
    private static Path pemFile(KeyPair pair) {
        try {
            Path file = Files.createTempFile("oracle-sync-assertion-key", ".pem");
            file.toFile().deleteOnExit();
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded());
            return Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
