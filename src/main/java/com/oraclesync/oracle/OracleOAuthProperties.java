package com.oraclesync.oracle;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code oracle.oauth.*} settings, used with {@code ORACLE_AUTH=oauth2}: where the tenant's identity domain issues
 * tokens, the confidential application's client, and for the JWT-bearer grant the key and the user it speaks for.
 * They are checked by {@link #requireComplete()} only when OAuth 2.0 is on.
 */
@ConfigurationProperties("oracle.oauth")
public record OracleOAuthProperties(
        String tokenUrl,
        String clientId,
        String clientSecret,
        Path clientSecretFile,
        String scope,
        Path jwtKeyFile,
        String jwtSubject,
        String jwtKeyId,
        String jwtAudience,
        Duration renewBefore) {

    public OracleOAuthProperties {
        renewBefore = renewBefore == null ? Duration.ofSeconds(60) : renewBefore;
        jwtAudience = jwtAudience == null || jwtAudience.isBlank() ? "https://identity.oraclecloud.com/" : jwtAudience;
    }

    /** The JWT-bearer grant when a key file is set, else client credentials. */
    public boolean jwtBearer() {
        return jwtKeyFile != null && !jwtKeyFile.toString().isBlank();
    }

    public List<String> scopes() {
        return scope == null || scope.isBlank() ? List.of() : Arrays.asList(scope.strip().split("\\s+"));
    }

    /** Fails the start-up with the settings that are missing, by their environment variables. */
    void requireComplete() {
        StringBuilder missing = new StringBuilder();
        if (blank(tokenUrl)) {
            missing.append(" ORACLE_OAUTH_TOKEN_URL");
        }
        if (blank(clientId)) {
            missing.append(" ORACLE_OAUTH_CLIENT_ID");
        }
        if (blank(clientSecret) && (clientSecretFile == null || clientSecretFile.toString().isBlank())) {
            missing.append(" ORACLE_OAUTH_CLIENT_SECRET (or ORACLE_OAUTH_CLIENT_SECRET_FILE)");
        }
        if (jwtBearer() && blank(jwtSubject)) {
            missing.append(" ORACLE_OAUTH_JWT_SUBJECT");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("ORACLE_AUTH=oauth2 needs" + missing + " to be set");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "OracleOAuthProperties[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=***, scope="
                + scope + ", jwtKeyFile=" + jwtKeyFile + ", jwtSubject=" + jwtSubject + "]";
    }
}
