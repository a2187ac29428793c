package com.oraclesync.support;

import com.oraclesync.simulator.OracleSimulator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the simulator's answers from the n-th request on until {@link #open()}, so that a run stays in progress
 * while a test looks at it. Never holds longer than a minute, so a failed test cannot hang the build.
 */
public final class OracleGate {

    private final CountDownLatch open = new CountDownLatch(1);
    private final CountDownLatch reached = new CountDownLatch(1);

    private OracleGate() {
    }

    /** Lets {@code passing} requests through, then holds every later one. */
    public static OracleGate holdAfter(OracleSimulator oracle, int passing) {
        OracleGate gate = new OracleGate();
        oracle.onRequest((request, store) -> {
            if (request.index() >= passing) {
                gate.reached.countDown();
                try {
                    gate.open.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        });
        return gate;
    }

    /**
     * Waits until a request is being held: the run is in progress. The page before it may still be being written,
     * since the next page is requested while the current one is written.
     */
    public void awaitHeld() throws InterruptedException {
        if (!reached.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("No Oracle request reached the gate within 30 s");
        }
    }

    public void open() {
        open.countDown();
    }
}
