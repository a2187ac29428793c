package com.oraclesync.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves {@code /crmRestApi/resources/{version}/{resource}[/{id}]} for every resource the simulator has a store of:
 * records the request, checks Basic credentials or a Bearer token from the {@link TokenEndpoint}, gives the hook its
 * chance to mutate or fault, then answers.
 */
final class ResourcesHandler implements HttpHandler {

    static final String COLLECTION_TYPE = "application/vnd.oracle.adf.resourcecollection+json";
    static final String ITEM_TYPE = "application/vnd.oracle.adf.resourceitem+json";

    private static final Pattern RESOURCE_PATH =
            Pattern.compile("/crmRestApi/resources/([^/]+)/([^/]+)(?:/([^/]+))?/?");

    private final Map<String, ResourceStore> stores;
    private final RequestLog log;
    private final BasicCredentials credentials;
    private final TokenEndpoint tokens;
    private final ItemRenderer renderer;
    private volatile RequestHook hook;
    private volatile Latency latency = Latency.NONE;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    /** Whether the request this thread handles still counts in {@link #inFlight}. */
    private final ThreadLocal<Boolean> counted = new ThreadLocal<>();

    /** How long a collection request takes: a fixed part per request plus a part per item returned. */
    record Latency(Duration perRequest, Duration perItem) {
        static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO);

        long nanosFor(int items) {
            return perRequest.toNanos() + perItem.toNanos() * items;
        }
    }

    ResourcesHandler(Map<String, ResourceStore> stores, RequestLog log, BasicCredentials credentials,
                     TokenEndpoint tokens, ItemRenderer renderer) {
        this.stores = stores;
        this.log = log;
        this.credentials = credentials;
        this.tokens = tokens;
        this.renderer = renderer;
    }

    void setHook(RequestHook hook) {
        this.hook = hook;
    }

    void setLatency(Latency latency) {
        this.latency = latency;
    }

    /**
     * The most resource requests being worked on at one moment, since the last reset: from a request's arrival until its
     * answer starts (a collection's latency wait included). The last bytes of an answer are not counted: a client that
     * has read a page whole may send its next request before this side has closed the exchange.
     */
    int mostInFlight() {
        return mostInFlight.get();
    }

    void resetMostInFlight() {
        mostInFlight.set(inFlight.get());
    }

    @Override
    public void handle(HttpExchange exchange) {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        counted.set(Boolean.TRUE);
        try {
            respond(exchange);
        } catch (IOException clientGone) {
            // the client hung up first, e.g. after its own read timeout: nobody is left to tell
        } catch (RuntimeException failure) {
            try {
                HttpResponses.error(exchange, 500, "Simulator failure: " + failure, Map.of());
            } catch (IOException | RuntimeException responseAlreadyStarted) {
                // the connection is closed below
            }
        } finally {
            // closing an exchange whose response has not started closes the connection (dropConnection relies on it)
            exchange.close();
            answerStarts();
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Matcher path = RESOURCE_PATH.matcher(uri.getPath());
        ResourceStore store = path.matches() ? stores.get(path.group(2)) : null;
        if (store == null) {
            HttpResponses.error(exchange, 404, "No resource at " + uri.getPath()
                    + "; the simulator serves /crmRestApi/resources/{version}/{" + String.join("|", stores.keySet())
                    + "}", Map.of());
            return;
        }
        RecordedRequest request = log.record(exchange.getRequestMethod(), uri, exchange.getRequestHeaders());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (!tokens.accepts(authorization)) {
                HttpResponses.error(exchange, 401, "The access token is unknown or has expired",
                        Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
                return;
            }
        } else if (!credentials.accept(authorization)) {
            HttpResponses.error(exchange, 401, "Missing or wrong user name or password",
                    Map.of("WWW-Authenticate", "Basic realm=\"simulator\""));
            return;
        }
        RequestHook currentHook = hook;
        SimulatedResponse fault = currentHook == null ? null : currentHook.beforeServe(request, store);
        if (fault == null || continuesAfter(exchange, fault)) {
            serve(exchange, store, request, path.group(1), path.group(3),
                    fault != null && fault.kind() == SimulatedResponse.Kind.SHUFFLE_ITEMS);
        }
    }

    /** Applies the fault; true if the request should then be served normally. */
    private static boolean continuesAfter(HttpExchange exchange, SimulatedResponse fault) throws IOException {
        switch (fault.kind()) {
            case RESPOND -> {
                HttpResponses.send(exchange, fault);
                return false;
            }
            case STREAM -> {
                exchange.getResponseHeaders().set("Content-Type", fault.contentType());
                exchange.sendResponseHeaders(fault.statusCode(), 0);
                try (OutputStream body = exchange.getResponseBody()) {
                    fault.writer().writeTo(body);
                }
                return false;
            }
            case SHUFFLE_ITEMS -> {
                return true;
            }
            case DELAY_THEN_SERVE -> {
                try {
                    Thread.sleep(fault.delay().toMillis());
                    return true;
                } catch (InterruptedException shuttingDown) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            default -> {
                return false;
            }
        }
    }

    private void serve(HttpExchange exchange, ResourceStore store, RecordedRequest request, String version, String id,
                       boolean shuffle)
            throws IOException {
        if (!request.method().equals("GET")) {
            HttpResponses.error(exchange, 405, request.method() + " is not supported; the simulator is read-only",
                    Map.of("Allow", "GET"));
            return;
        }
        CollectionRequest query;
        try {
            query = CollectionRequest.from(request.query(), request.header("REST-Framework-Version"),
                    store.knownFields());
        } catch (QueryException invalid) {
            HttpResponses.error(exchange, 400, invalid.getMessage(), Map.of());
            return;
        }
        if (id == null) {
            ResourceQuery.Page page = ResourceQuery.run(store, query);
            if (shuffle) {
                page = page.outOfOrder();
            }
            if (!takeLatency(latency.nanosFor(page.items().size()))) {
                return;
            }
            answerStarts();
            HttpResponses.json(exchange, COLLECTION_TYPE,
                    renderer.collection(store.shape().resource(), page, query, version, exchange.getRequestURI()));
            return;
        }
        StoredItem record = store.read(() -> find(store, id));
        if (record == null) {
            HttpResponses.error(exchange, 404, "No " + store.shape().itemName() + " " + id, Map.of());
        } else {
            HttpResponses.json(exchange, ITEM_TYPE, renderer.item(store.shape().resource(), record, query.fields(),
                    query.onlyData(), version));
        }
    }

    /** The request is no longer in flight (once, whichever path gets here first). */
    private void answerStarts() {
        if (counted.get() != null) {
            counted.remove();
            inFlight.decrementAndGet();
        }
    }

    /** The latency model's wait; false when the simulator is shutting down. */
    private static boolean takeLatency(long nanos) {
        if (nanos <= 0) {
            return true;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return true;
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Oracle keys items by their number (OptyNumber, PartyNumber); the key is accepted too, as the links use it. */
    private static StoredItem find(ResourceStore store, String id) {
        try {
            StoredItem byId = store.find(Long.parseLong(id));
            if (byId != null) {
                return byId;
            }
        } catch (NumberFormatException notAnId) {
            // fall through to the number
        }
        return store.findByNumber(id);
    }
}
