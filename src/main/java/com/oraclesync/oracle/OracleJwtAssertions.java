package com.oraclesync.oracle;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The assertions of the JWT-bearer grant (RFC 7523), as an OCI IAM identity domain expects a user assertion: issued by
 * the client, for the user {@code oracle.oauth.jwt-subject}, to the identity domain's audience, valid for five
 * minutes, RS256-signed with the private key whose certificate the confidential application trusts.
 */
final class OracleJwtAssertions {

    private static final Duration VALIDITY = Duration.ofMinutes(5);

    private final JwtEncoder encoder;
    private final JwsHeader header;
    private final String clientId;
    private final String subject;
    private final String audience;
    private final Clock clock;

    OracleJwtAssertions(OracleOAuthProperties oauth, Clock clock) {
        RSAPrivateKey key = readPrivateKey(oauth.jwtKeyFile());
        RSAKey.Builder jwk = new RSAKey.Builder(publicKeyOf(key, oauth.jwtKeyFile())).privateKey(key);
        JwsHeader.Builder jws = JwsHeader.with(SignatureAlgorithm.RS256);
        if (oauth.jwtKeyId() != null && !oauth.jwtKeyId().isBlank()) {
            jwk.keyID(oauth.jwtKeyId());
            jws.keyId(oauth.jwtKeyId());
        }
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk.build())));
        this.header = jws.build();
        this.clientId = oauth.clientId();
        this.subject = oauth.jwtSubject();
        this.audience = oauth.jwtAudience();
        this.clock = clock;
    }

    /** A new assertion, signed now. */
    Jwt next() {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(clientId)
                .subject(subject)
                .audience(List.of(audience))
                .issuedAt(now)
                .expiresAt(now.plus(VALIDITY))
                .id(UUID.randomUUID().toString())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims));
    }

    private static RSAPrivateKey readPrivateKey(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return RsaKeyConverters.pkcs8().convert(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not read ORACLE_OAUTH_JWT_KEY_FILE " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException notPkcs8) {
            throw new IllegalArgumentException("ORACLE_OAUTH_JWT_KEY_FILE " + file + " is not a PEM PKCS#8 RSA private key "
                    + "(-----BEGIN PRIVATE KEY-----; convert one with openssl pkcs8 -topk8 -nocrypt)");
        }
    }

    private static RSAPublicKey publicKeyOf(RSAPrivateKey key, Path file) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("ORACLE_OAUTH_JWT_KEY_FILE " + file + " holds no public exponent");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }
}
