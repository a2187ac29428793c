package com.oraclesync.sync;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The workers of parallel runs: the run route's split of slices ({@code executorService: sliceExecutor}, bound in
 * Camel's registry) and the slice planning's count requests. {@code sync.parallelism} workers for each of the
 * {@code sync.max-concurrent-runs} runs, so a run never waits for another's slices. Not a Spring bean of type
 * Executor, which would take the place of Spring Boot's own task executor.
 */
@Component
public class SliceWorkers implements CamelContextConfiguration, DisposableBean {

    static final String REGISTRY_NAME = "sliceExecutor";

    private final ExecutorService executor;

    public SliceWorkers(SyncProperties properties) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "sync-slice-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        executor = Executors.newFixedThreadPool(properties.parallelism() * properties.maxConcurrentRuns(), threads);
    }

    ExecutorService executor() {
        return executor;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getRegistry().bind(REGISTRY_NAME, executor);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // bound before the routes start
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
