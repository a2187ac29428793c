package com.oraclesync.sync;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A page requested ahead, on its way: the prefetch route leaves the answer here, the run's thread takes it. Not a
 * future itself, since Camel's bean binding would wait for a future that a step returns.
 */
public final class PageAhead {

    private final CompletableFuture<PrefetchedPage> answer = new CompletableFuture<>();

    void arrived(PrefetchedPage page) {
        answer.complete(page);
    }

    PrefetchedPage await() throws Exception {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
