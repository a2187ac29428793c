package com.oraclesync.simulator;

/** Lets a test or the demo change data between requests, or answer a request with a fault. */
@FunctionalInterface
public interface RequestHook {

    /**
     * Called before each authenticated request is served, after it is recorded, with the store it reads.
     * May mutate the store.
     *
     * @return null to serve the request normally, or the response to send instead
     */
    SimulatedResponse beforeServe(RecordedRequest request, ResourceStore store);
}
