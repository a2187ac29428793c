package com.oraclesync.support;

import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs two calls on two threads released by one barrier, so that they reach the service at the same moment. */
public final class SameMoment {

    private SameMoment() {
    }

    public static <A, B> Both<A, B> run(Callable<A> first, Callable<B> second) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<A> a = threads.submit(() -> {
                together.await();
                return first.call();
            });
            Future<B> b = threads.submit(() -> {
                together.await();
                return second.call();
            });
            return new Both<>(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }

    public record Both<A, B>(A first, B second) {
    }
}
