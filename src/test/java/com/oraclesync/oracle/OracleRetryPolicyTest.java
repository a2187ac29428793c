package com.oraclesync.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OracleRetryPolicyTest {

    private static final OracleProperties.Retry SETTINGS = new OracleProperties.Retry(6, Duration.ofSeconds(1),
            Duration.ofSeconds(10), Duration.ofSeconds(30), 0.2, Set.of(429, 500, 502, 503, 504));

    private final OracleRetryPolicy policy = new OracleRetryPolicy(SETTINGS, new Random(7));

    @ParameterizedTest
    @CsvSource({"429, true", "500, true", "502, true", "503, true", "504, true",
            "400, false", "401, false", "403, false", "404, false"})
    void httpStatusIsRetryableOnlyWhenConfigured(int status, boolean retryable) {
        assertThat(policy.isRetryable(http(status, Map.of()))).isEqualTo(retryable);
    }

    @Test
    void resetsTimeoutsAndBodiesThatAreNotAPageAreRetryableButAnUnknownHostIsNot() {
        assertThat(policy.isRetryable(new SocketTimeoutException("Read timed out"))).isTrue();
        assertThat(policy.isRetryable(new SocketException("Connection reset"))).isTrue();
        assertThat(policy.isRetryable(new OracleResponseException("HTML instead of JSON"))).isTrue();
        assertThat(policy.isRetryable(new RuntimeException(new IOException("wrapped")))).isTrue();
        assertThat(policy.isRetryable(new UnknownHostException("oracle.example"))).isFalse();
        assertThat(policy.isRetryable(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void backOffDoublesFromTheInitialDelayUpToTheMaximumWithinTheJitter() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            double base = Math.min(1000 * Math.pow(2, attempt - 1), 10_000);
            long delay = policy.backOff(attempt).toMillis();
            assertThat(delay).as("attempt %d", attempt)
                    .isBetween(Math.round(base * 0.8), Math.min(Math.round(base * 1.2), 10_000));
        }
    }

    @Test
    void jitterSpreadsTheDelaysOfOneAttempt() {
        assertThat(java.util.stream.IntStream.range(0, 20).mapToObj(i -> policy.backOff(2)).distinct().count())
                .isGreaterThan(10);
    }

    @Test
    void retryAfterReplacesTheBackOff() {
        OracleRetryPolicy.Decision decision = policy.next(1, Duration.ZERO, Duration.ofSeconds(7));

        assertThat(decision.retry()).isTrue();
        assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(7));
        assertThat(decision.fromRetryAfter()).isTrue();
    }

    @Test
    void stopsAfterTheLastAttempt() {
        OracleRetryPolicy.Decision decision = policy.next(6, Duration.ofSeconds(3), null);

        assertThat(decision.retry()).isFalse();
        assertThat(decision.stopReason()).isEqualTo("oracle.retry.max-attempts is 6");
    }

    @Test
    void stopsWhenTheNextDelayWouldExceedTheTotalWait() {
        OracleRetryPolicy.Decision decision = policy.next(2, Duration.ofSeconds(25), Duration.ofSeconds(10));

        assertThat(decision.retry()).isFalse();
        assertThat(decision.stopReason())
                .isEqualTo("Oracle asked to wait 10.0 s (Retry-After) would exceed oracle.retry.max-wait (30.0 s)");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");

        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Sat, 01 Mar 2025 10:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sat, 01 Mar 2025 09:59:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }

    private static HttpOperationFailedException http(int status, Map<String, String> headers) {
        return new HttpOperationFailedException("http://oracle.example/crmRestApi/resources/latest/opportunities",
                status, "status " + status, null, headers, "{}");
    }
}
