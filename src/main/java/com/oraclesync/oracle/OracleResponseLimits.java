package com.oraclesync.oracle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * Bounds each Oracle response in the HTTP client, before Camel or Jackson read a byte of it: at most
 * {@code oracle.limits.max-page-bytes} of body, and the whole exchange, the body's last byte included, within
 * {@code oracle.limits.request-deadline}. At the deadline the connection is closed under the reader, so a response
 * that drips one byte at a time cannot hold the run (and its lock) for longer. The OAuth 2.0 token endpoint's answers
 * are bounded the same way, with a byte limit of their own.
 */
final class OracleResponseLimits implements ExecChainHandler, AutoCloseable {

    static final String NAME = "oracle-response-limits";
    /** A token answer is a few kilobytes, a JWT access token included. */
    static final long MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;

    private final long maxBytes;
    private final Duration deadline;
    private final Wording wording;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "oracle-request-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private OracleResponseLimits(long maxBytes, Duration deadline, Wording wording) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.wording = wording;
        // a request that ends in time cancels its deadline; the timer forgets it then, not minutes later
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Oracle's pages, from the REST API at {@code resource}. */
    static OracleResponseLimits forPages(OracleLimits limits, String resource) {
        return new OracleResponseLimits(limits.maxPageBytes().toBytes(), limits.requestDeadline(), new Wording(
                "Oracle's response at " + resource, "oracle.limits.max-page-bytes",
                "lower SYNC_PAGE_SIZE or ORACLE_FIELDS, or raise ORACLE_MAX_PAGE_BYTES",
                "Oracle or a proxy is sending it too slowly. Raise ORACLE_REQUEST_DEADLINE or lower SYNC_PAGE_SIZE"));
    }

    /** The answers of the OAuth 2.0 token endpoint at {@code tokenUrl}. */
    static OracleResponseLimits forTokens(OracleLimits limits, String tokenUrl) {
        return new OracleResponseLimits(MAX_TOKEN_RESPONSE_BYTES, limits.requestDeadline(), new Wording(
                "The answer of the OAuth 2.0 token endpoint " + tokenUrl, "the limit of a token answer",
                "check that ORACLE_OAUTH_TOKEN_URL names the identity domain's token endpoint",
                "the identity domain or a proxy is sending it too slowly; check ORACLE_OAUTH_TOKEN_URL, or raise "
                        + "ORACLE_REQUEST_DEADLINE"));
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        Exchange exchange = new Exchange(scope);
        ClassicHttpResponse response;
        try {
            response = chain.proceed(request, scope);
        } catch (IOException e) {
            throw exchange.failed(e);
        } catch (RuntimeException | HttpException e) {
            // e.g. a token the OAuth strategy could not get: the request never ran, so neither does its deadline
            exchange.done();
            throw e;
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            exchange.done();
            return response;
        }
        if (entity.getContentLength() > maxBytes) {
            exchange.abort();
            closeAborted(response);
            throw tooLarge(" (it announced " + entity.getContentLength() + " bytes)");
        }
        response.setEntity(new HttpEntityWrapper(entity) {
            private BoundedContent content;

            @Override
            public synchronized InputStream getContent() throws IOException {
                if (content == null) {
                    content = new BoundedContent(super.getContent(), exchange);
                }
                return content;
            }
        });
        return response;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** The connection is discarded already: closing the response may fail on its socket, which says nothing more. */
    private static void closeAborted(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException closedSocket) {
            // the limit is what the caller needs to hear
        }
    }

    private OracleLimitExceededException tooLarge(String detail) {
        return new OracleLimitExceededException(wording.response() + " is larger than " + wording.sizeLimit() + " ("
                + maxBytes + " bytes)" + detail + "; " + wording.tooLarge() + "; the next run resumes from the checkpoint");
    }

    private OracleLimitExceededException tooSlow(IOException cause) {
        return new OracleLimitExceededException(wording.response() + " did not arrive in full within "
                + "oracle.limits.request-deadline (" + deadline + "); " + wording.tooSlow()
                + "; the next run resumes from the checkpoint", cause);
    }

    /** What the messages call the response, its size limit, and what to do when it is too large or too slow. */
    private record Wording(String response, String sizeLimit, String tooLarge, String tooSlow) {
    }

    /** One request: its deadline, and the timer that closes its connection when the deadline passes. */
    private final class Exchange {

        private final ExecChain.Scope scope;
        private final long deadlineNanos = System.nanoTime() + deadline.toNanos();
        private final ScheduledFuture<?> closeAtDeadline;
        private volatile boolean pastDeadline;
        /** This side closed the connection: what the reader sees next is the limit, not a broken connection. */
        private volatile boolean aborted;

        Exchange(ExecChain.Scope scope) {
            this.scope = scope;
            this.closeAtDeadline = timer.schedule(this::abortAtDeadline, deadline.toNanos(), TimeUnit.NANOSECONDS);
        }

        void abort() {
            aborted = true;
            scope.execRuntime.discardEndpoint();
        }

        void abortAtDeadline() {
            pastDeadline = true;
            abort();
        }

        void done() {
            closeAtDeadline.cancel(false);
        }

        boolean pastDeadline() {
            return pastDeadline || System.nanoTime() - deadlineNanos >= 0;
        }

        IOException failed(IOException e) {
            done();
            if (e instanceof OracleLimitExceededException) {
                return e;
            }
            if (pastDeadline()) {
                return tooSlow(e);
            }
            return aborted ? tooLarge("") : e;
        }
    }

    /** The body, counted and timed as it is read. */
    private final class BoundedContent extends FilterInputStream {

        private final Exchange exchange;
        private long read;

        BoundedContent(InputStream content, Exchange exchange) {
            super(content);
            this.exchange = exchange;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int count = read(one, 0, 1);
            return count < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count;
            try {
                count = super.read(buffer, offset, length);
            } catch (IOException e) {
                throw exchange.failed(e);
            }
            if (count < 0) {
                if (exchange.pastDeadline()) {
                    // the connection was closed under the reader at the deadline: not the end of the body
                    throw exchange.failed(tooSlow(null));
                }
                exchange.done();
                return count;
            }
            read += count;
            if (read > maxBytes) {
                exchange.abort();
                throw exchange.failed(tooLarge(""));
            }
            if (exchange.pastDeadline()) {
                exchange.abort();
                throw exchange.failed(tooSlow(null));
            }
            return count;
        }

        /** After this side closed the connection there is nothing to drain: closing would only fail again. */
        @Override
        public void close() throws IOException {
            exchange.done();
            if (!exchange.aborted) {
                super.close();
            }
        }
    }
}
