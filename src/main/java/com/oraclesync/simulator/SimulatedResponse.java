package com.oraclesync.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A fault a {@link RequestHook} answers with instead of the normal response. Immutable. */
public final class SimulatedResponse {

    enum Kind { RESPOND, DELAY_THEN_SERVE, DROP_CONNECTION, STREAM, SHUFFLE_ITEMS }

    /** Writes a streamed body; it may be as large or as slow as a test needs, none of it held in memory. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream body) throws IOException;
    }

    static final String JSON = "application/json";

    private static final String SSO_LOGIN_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="UTF-8"><title>Oracle Cloud Sign In</title></head>
            <body>
            <form id="signin" method="POST" action="/oam/server/auth_cred_submit">
            <label for="username">User Name</label><input id="username" name="username" type="text">
            <label for="password">Password</label><input id="password" name="password" type="password">
            <button type="submit">Sign In</button>
            </form>
            </body>
            </html>
            """;

    private final Kind kind;
    private final int status;
    private final String contentType;
    private final String body;
    private final Duration delay;
    private final Map<String, String> headers;
    private final BodyWriter writer;

    private SimulatedResponse(Kind kind, int status, String contentType, String body, Duration delay,
                              Map<String, String> headers) {
        this(kind, status, contentType, body, delay, headers, null);
    }

    private SimulatedResponse(Kind kind, int status, String contentType, String body, Duration delay,
                              Map<String, String> headers, BodyWriter writer) {
        this.kind = kind;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.delay = delay;
        this.headers = Map.copyOf(headers);
        this.writer = writer;
    }

    /** The status with Oracle's JSON error body, e.g. {@code {"title":"Service Unavailable","status":503}}. */
    public static SimulatedResponse status(int code) {
        return body(code, JSON, ErrorBodies.json(code, null));
    }

    /** A 200 with an SSO login page, as a tenant behind a misconfigured identity domain answers. */
    public static SimulatedResponse html200() {
        return body(200, "text/html; charset=UTF-8", SSO_LOGIN_PAGE);
    }

    /** Any status and body, sent as given (e.g. truncated JSON). */
    public static SimulatedResponse body(int status, String contentType, String body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
        return new SimulatedResponse(Kind.RESPOND, status, Objects.requireNonNull(contentType, "contentType"),
                Objects.requireNonNull(body, "body"), Duration.ZERO, Map.of());
    }

    /** Waits, then serves the request normally: long enough, this trips a client's read timeout. */
    public static SimulatedResponse delayThenServe(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Negative delay: " + delay);
        }
        return new SimulatedResponse(Kind.DELAY_THEN_SERVE, 0, null, null, delay, Map.of());
    }

    /** A 200 whose body the writer streams, chunked (no Content-Length): a huge, deep or dripping page. */
    public static SimulatedResponse stream(String contentType, BodyWriter writer) {
        return new SimulatedResponse(Kind.STREAM, 200, Objects.requireNonNull(contentType, "contentType"), null,
                Duration.ZERO, Map.of(), Objects.requireNonNull(writer, "writer"));
    }

    /** Serves the request normally, but the page's last item comes first, as if orderBy were ignored. */
    public static SimulatedResponse shuffledItems() {
        return new SimulatedResponse(Kind.SHUFFLE_ITEMS, 0, null, null, Duration.ZERO, Map.of());
    }

    /** Closes the connection without sending a status line. */
    public static SimulatedResponse dropConnection() {
        return new SimulatedResponse(Kind.DROP_CONNECTION, 0, null, null, Duration.ZERO, Map.of());
    }

    /** A copy with one more response header, e.g. {@code Retry-After}; applies to {@link #status} and {@link #body}. */
    public SimulatedResponse header(String name, String value) {
        Map<String, String> withHeader = new LinkedHashMap<>(headers);
        withHeader.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new SimulatedResponse(kind, status, contentType, body, delay, withHeader);
    }

    Kind kind() {
        return kind;
    }

    int statusCode() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    String bodyText() {
        return body;
    }

    Duration delay() {
        return delay;
    }

    Map<String, String> headers() {
        return headers;
    }

    BodyWriter writer() {
        return writer;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case RESPOND -> "respond " + status + " " + contentType;
            case DELAY_THEN_SERVE -> "serve after " + delay;
            case DROP_CONNECTION -> "drop connection";
            case STREAM -> "stream " + contentType;
            case SHUFFLE_ITEMS -> "serve with shuffled items";
        };
    }
}
