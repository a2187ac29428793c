package com.oraclesync.oracle;

import com.oraclesync.sync.SyncRun;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeException;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The retry decisions of the {@code oracle-retry} route configuration. Camel calls {@link #process} just after a
 * retryable failure (it plans the next attempt and sets its delay), then {@link #retryPlanned} to ask whether to
 * send the request again.
 */
@Component("oracleRetries")
public class OracleRetries implements Processor {

    private static final Logger log = LoggerFactory.getLogger(OracleRetries.class);

    private final OracleRetryPolicy policy;
    private final Clock clock;

    @Autowired
    public OracleRetries(OracleProperties oracle) {
        this(new OracleRetryPolicy(oracle.retry(), new Random()), Clock.systemUTC());
    }

    OracleRetries(OracleRetryPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public boolean isRetryable(@ExchangeException Exception failure) {
        return policy.isRetryable(failure);
    }

    @Override
    public void process(Exchange exchange) {
        OracleRetryState state = exchange.getProperty(OracleRetryState.PROPERTY, OracleRetryState.class);
        if (state == null) {
            state = new OracleRetryState();
            exchange.setProperty(OracleRetryState.PROPERTY, state);
        }
        Exception failure = exchange.getException();
        int attempt = state.failed();
        SyncRun run = exchange.getProperty("syncRun", SyncRun.class);
        OracleRetryPolicy.Decision decision = run != null && run.ended()
                // a page requested ahead for a run that has failed meanwhile: nobody waits for it any more
                ? OracleRetryPolicy.Decision.stop("the run has ended")
                : policy.next(attempt, state.waited(), retryAfter(failure));
        state.decided(decision);
        if (decision.retry()) {
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, decision.delay().toMillis());
            log.warn("Oracle page request failed ({}); attempt {} of {}, sending it again in {}{}",
                    brief(failure, run == null ? "Oracle" : run.resource().resourceUrl()),
                    attempt, policy.maxAttempts(), OracleRetryPolicy.seconds(decision.delay()),
                    decision.fromRetryAfter() ? " as Oracle's Retry-After asks" : "");
        }
    }

    public boolean retryPlanned(Exchange exchange) {
        OracleRetryState state = exchange.getProperty(OracleRetryState.PROPERTY, OracleRetryState.class);
        return state != null && state.retryPlanned();
    }

    private Duration retryAfter(Throwable failure) {
        OracleTokenUnavailableException token =
                ObjectHelper.getException(OracleTokenUnavailableException.class, failure);
        if (token != null) {
            return RetryAfter.parse(token.retryAfter(), clock.instant()).orElse(null);
        }
        HttpOperationFailedException http = ObjectHelper.getException(HttpOperationFailedException.class, failure);
        if (http == null || http.getResponseHeaders() == null) {
            return null;
        }
        for (Map.Entry<String, String> header : http.getResponseHeaders().entrySet()) {
            if ("Retry-After".equalsIgnoreCase(header.getKey())) {
                return RetryAfter.parse(header.getValue(), clock.instant()).orElse(null);
            }
        }
        return null;
    }

    /** Names the failure and the resource, without the request's query: long, and of no use in a log line. */
    private static String brief(Throwable failure, String resource) {
        HttpOperationFailedException http = ObjectHelper.getException(HttpOperationFailedException.class, failure);
        if (http != null) {
            return "HTTP " + http.getStatusCode() + " at " + resource;
        }
        if (ObjectHelper.getException(SocketTimeoutException.class, failure) != null) {
            return "no answer within oracle.read-timeout at " + resource;
        }
        OracleResponseException response = ObjectHelper.getException(OracleResponseException.class, failure);
        if (response != null) {
            return response.getMessage();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage() + " at " + resource;
    }
}
