package com.oraclesync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * Checks a JWT-bearer grant's assertion (RFC 7523) as an OCI IAM identity domain does: RS256 signed by the key the
 * confidential application trusts, issued by the client, for the identity domain's audience, not expired.
 */
final class JwtAssertions {

    static final String AUDIENCE = "https://identity.oraclecloud.com/";

    private JwtAssertions() {
    }

    /** The assertion's claims; a {@link QueryException} says why it is not acceptable. */
    static JsonNode verify(String assertion, PublicKey trusted, String clientId, Instant now) {
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.");
        if (parts.length != 3) {
            throw new QueryException("assertion is not a signed JWT");
        }
        if (trusted == null) {
            throw new QueryException("no key is trusted for assertions of client " + clientId);
        }
        JsonNode header = json(parts[0]);
        if (!"RS256".equals(header.path("alg").asText())) {
            throw new QueryException("assertion must be signed with RS256, not " + header.path("alg").asText());
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(trusted);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new QueryException("assertion signature does not verify with the trusted key");
            }
        } catch (GeneralSecurityException | IllegalArgumentException broken) {
            throw new QueryException("assertion signature cannot be checked: " + broken.getMessage());
        }
        JsonNode claims = json(parts[1]);
        if (!clientId.equals(claims.path("iss").asText())) {
            throw new QueryException("assertion issuer must be the client " + clientId);
        }
        if (!audiences(claims).contains(AUDIENCE)) {
            throw new QueryException("assertion audience must be " + AUDIENCE);
        }
        if (claims.path("sub").asText().isBlank()) {
            throw new QueryException("assertion has no subject");
        }
        if (claims.path("exp").asLong() <= now.getEpochSecond()) {
            throw new QueryException("assertion has expired");
        }
        return claims;
    }

    private static String audiences(JsonNode claims) {
        JsonNode audience = claims.path("aud");
        return audience.isArray() ? audience.toString() : audience.asText();
    }

    private static JsonNode json(String part) {
        try {
            return SimulatorJson.MAPPER.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException | IllegalArgumentException notJson) {
            throw new QueryException("assertion is not a JWT: " + notJson.getMessage());
        }
    }
}
