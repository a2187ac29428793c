package com.oraclesync.oracle;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLHandshakeException;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Which failures of a page request are worth another attempt, and when: exponential back-off with jitter, or Oracle's
 * own Retry-After, within a number of attempts and a total wait per page (the {@code oracle.retry.*} settings).
 */
final class OracleRetryPolicy {

    private final OracleProperties.Retry settings;
    private final RandomGenerator random;

    OracleRetryPolicy(OracleProperties.Retry settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * 429 and the configured 5xx, connection resets, timeouts and bodies that are not a page pass; 400, 401, 403, 404,
     * an unknown host, a certificate problem or a response beyond {@code oracle.limits} do not, and another attempt
     * would only hide them.
     */
    boolean isRetryable(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof HttpOperationFailedException http) {
                return settings.statuses().contains(http.getStatusCode());
            }
            if (current instanceof OracleLimitExceededException) {
                return false;
            }
            if (current instanceof OracleResponseException) {
                return true;
            }
            if (current instanceof UnknownHostException || current instanceof SSLHandshakeException
                    || current instanceof MalformedURLException) {
                return false;
            }
            if (current instanceof IOException) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    /**
     * @param failedAttempts attempts made so far for this page, all failed (1 after the first failure)
     * @param waited         the delays already spent on this page
     * @param retryAfter     what Oracle asked for, or null
     */
    Decision next(int failedAttempts, Duration waited, Duration retryAfter) {
        if (failedAttempts >= settings.maxAttempts()) {
            return Decision.stop("oracle.retry.max-attempts is " + settings.maxAttempts());
        }
        Duration delay = retryAfter != null ? retryAfter : backOff(failedAttempts);
        if (waited.plus(delay).compareTo(settings.maxWait()) > 0) {
            return Decision.stop((retryAfter != null ? "Oracle asked to wait " + seconds(retryAfter) + " (Retry-After)"
                    : "the next back-off of " + seconds(delay)) + " would exceed oracle.retry.max-wait ("
                    + seconds(settings.maxWait()) + ")");
        }
        return Decision.retryAfter(delay, retryAfter != null);
    }

    /** initial-delay, doubled for each further failure up to max-delay, spread by up to jitter either way. */
    Duration backOff(int failedAttempts) {
        double base = settings.initialDelay().toMillis() * Math.pow(2, Math.min(failedAttempts - 1, 30));
        double capped = Math.min(base, settings.maxDelay().toMillis());
        double spread = settings.jitter() == 0 ? 0 : settings.jitter() * (2 * random.nextDouble() - 1);
        long millis = Math.round(Math.min(capped * (1 + spread), settings.maxDelay().toMillis()));
        return Duration.ofMillis(Math.max(0, millis));
    }

    int maxAttempts() {
        return settings.maxAttempts();
    }

    static String seconds(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms"
                : String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** Whether to send the request again, after which delay; or why not. */
    record Decision(boolean retry, Duration delay, boolean fromRetryAfter, String stopReason) {

        static Decision retryAfter(Duration delay, boolean fromRetryAfter) {
            return new Decision(true, delay, fromRetryAfter, null);
        }

        static Decision stop(String reason) {
            return new Decision(false, Duration.ZERO, false, reason);
        }
    }
}
