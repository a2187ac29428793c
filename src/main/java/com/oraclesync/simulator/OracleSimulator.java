package com.oraclesync.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Oracle Fusion CRM's REST API, on 127.0.0.1: opportunities, accounts, contacts and any resource a
 * test adds, with the same paging, {@code q}, {@code orderBy}, {@code fields}, Basic authentication and OAuth 2.0
 * access tokens from an identity domain's token endpoint ({@link #tokens()}), over stores that tests and the demo can
 * change, plus hooks that inject faults.
 */
public final class OracleSimulator implements AutoCloseable {

    private static final int THREADS = 8;
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final long FIRST_OPTY_ID = 300_000_000_000_001L;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, ResourceStore> stores;
    private final RequestLog requestLog;
    private final ResourcesHandler handler;
    private final TokenEndpoint tokens;
    private final URI baseUrl;

    private OracleSimulator(HttpServer server, ExecutorService executor, Map<String, ResourceStore> stores,
                            RequestLog requestLog, ResourcesHandler handler, TokenEndpoint tokens, URI baseUrl) {
        this.server = server;
        this.executor = executor;
        this.stores = stores;
        this.requestLog = requestLog;
        this.handler = handler;
        this.tokens = tokens;
        this.baseUrl = baseUrl;
    }

    /** @param port 0 picks a free port */
    public static OracleSimulator start(int port, String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        // Without TCP_NODELAY the JDK server sends the body after the headers' delayed ACK: +40 ms per small page.
        // The JDK reads this property once, when the first HttpServer in the JVM is created.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Oracle simulator on 127.0.0.1:" + port
                    + "; is the port in use?", e);
        }
        URI baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Map<String, ResourceStore> stores = new ConcurrentHashMap<>();
        for (ResourceShape shape : List.of(ResourceShape.OPPORTUNITIES, ResourceShape.ACCOUNTS, ResourceShape.CONTACTS)) {
            stores.put(shape.resource(), new ResourceStore(shape, Clock.systemUTC()));
        }
        RequestLog requestLog = new RequestLog(Clock.systemUTC());
        TokenEndpoint tokens = new TokenEndpoint(Clock.systemUTC());
        ResourcesHandler handler = new ResourcesHandler(stores, requestLog,
                new BasicCredentials(user, password), tokens, new ItemRenderer(baseUrl));
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.createContext("/", handler);
        server.createContext(TokenEndpoint.PATH, tokens);
        server.setExecutor(executor);
        server.start();
        return new OracleSimulator(server, executor, stores, requestLog, handler, tokens, baseUrl);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "oracle-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Scheme, host and port, without a path, e.g. {@code http://127.0.0.1:40123}. */
    public URI baseUrl() {
        return baseUrl;
    }

    public int port() {
        return baseUrl.getPort();
    }

    /** The opportunities. */
    public ResourceStore store() {
        return store(ResourceShape.OPPORTUNITIES.resource());
    }

    /** The items of one resource, e.g. accounts. */
    public ResourceStore store(String resource) {
        ResourceStore store = stores.get(resource);
        if (store == null) {
            throw new IllegalArgumentException("The simulator serves no resource '" + resource + "'; it serves "
                    + stores.keySet() + " and those added with addResource");
        }
        return store;
    }

    /** Serves one more resource, such as a custom object, from an empty store. */
    public ResourceStore addResource(ResourceShape shape) {
        return stores.computeIfAbsent(shape.resource(), name -> new ResourceStore(shape, Clock.systemUTC()));
    }

    /** The identity domain's token endpoint at {@code baseUrl() + TokenEndpoint.PATH}. */
    public TokenEndpoint tokens() {
        return tokens;
    }

    /** Every request to a resource, in arrival order (the newest 100,000 at most). */
    public List<RecordedRequest> requests() {
        return requestLog.snapshot();
    }

    /** Forgets the recorded requests; the next request gets index 0. */
    public void clearRequests() {
        requestLog.clear();
    }

    /** Replaces the previous hook; null removes it. */
    /**
     * The latency model: every collection request is answered after {@code perRequest} plus {@code perItem} for each
     * item it returns (a real Oracle takes 1-2 s a page); zero for both, the default, answers at once.
     */
    public void latency(Duration perRequest, Duration perItem) {
        handler.setLatency(new ResourcesHandler.Latency(perRequest, perItem));
    }

    /** The most resource requests answered at one moment since the start or {@link #resetMostInFlight()}. */
    public int mostInFlight() {
        return handler.mostInFlight();
    }

    public void resetMostInFlight() {
        handler.resetMostInFlight();
    }

    public void onRequest(RequestHook hook) {
        handler.setHook(hook);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow(); // interrupts handlers sleeping in a delayThenServe fault
    }

    /** Standalone: {@code [port] [count] [seed]}; credentials from ORACLE_USER / ORACLE_PASS (default demo/demo). */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        OracleSimulator simulator = start(port, env("ORACLE_USER", "demo"), env("ORACLE_PASS", "demo"));
        Instant now = Instant.now();
        simulator.store().putAll(new OpportunityGenerator(seed)
                .generate(count, FIRST_OPTY_ID, now.minus(Duration.ofDays(365)), now));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println(simulator.baseUrl());
        System.out.println("Serving " + count + " opportunities at " + simulator.baseUrl()
                + "/crmRestApi/resources/latest/opportunities; Ctrl+C stops");
        new CountDownLatch(1).await();
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
