package com.oraclesync.oracle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code oracle.*} settings. With no {@code ORACLE_BASE_URL}, {@link DemoOracleEnvironment} fills in the built-in
 * simulator's address and credentials and sets {@code demo-mode}.
 */
@Validated
@ConfigurationProperties("oracle")
public record OracleProperties(
        @NotBlank String baseUrl,
        String user,
        String password,
        @NotBlank String apiVersion,
        @NotBlank String restFrameworkVersion,
        @NotBlank String qTimestampPattern,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        @Valid @NotNull Retry retry,
        @NotNull Auth auth,
        boolean demoMode) {

    public OracleProperties {
        if (!demoMode && auth == Auth.BASIC) {
            requireCredentials(user, password);
        }
        if (baseUrl != null && baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    private static void requireCredentials(String user, String password) {
        List<String> missing = new ArrayList<>();
        if (user == null || user.isBlank()) {
            missing.add("ORACLE_USER");
        }
        if (password == null || password.isBlank()) {
            missing.add("ORACLE_PASS");
        }
        if (!missing.isEmpty()) {
            throw new MissingOracleCredentialsException(missing);
        }
    }

    /**
     * How a page request that failed for a passing reason is sent again: attempts per page (the first included),
     * the exponential back-off from {@code initialDelay} up to {@code maxDelay} with a random spread of
     * {@code jitter} either way, and the most a page may wait in all. A {@code Retry-After} from Oracle replaces the
     * back-off. {@code statuses} are the HTTP statuses worth retrying.
     */
    public record Retry(
            @Min(1) @Max(50) int maxAttempts,
            @NotNull Duration initialDelay,
            @NotNull Duration maxDelay,
            @NotNull Duration maxWait,
            @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
            @NotEmpty Set<Integer> statuses) {

        public Retry {
            if (initialDelay != null && maxDelay != null && maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("oracle.retry.max-delay (" + maxDelay
                        + ") must not be shorter than oracle.retry.initial-delay (" + initialDelay + ")");
            }
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        }
    }

    /** How requests to Oracle authenticate: Basic with ORACLE_USER / ORACLE_PASS, or an OAuth 2.0 access token. */
    public enum Auth { BASIC, OAUTH2 }

    @Override
    public String toString() {
        return "OracleProperties[baseUrl=" + baseUrl + ", auth=" + auth + ", user=" + user + ", password=***, apiVersion="
                + apiVersion + "]";
    }
}
