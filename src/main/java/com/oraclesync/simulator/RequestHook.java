package com.oraclesync.simulator;

/** Lets a test or the demo change data between requests, or answer a request with a fault. */
@FunctionalInterface
public interface RequestHook {

    /**
     * Called before each authenticated opportunities request is served, after it is recorded.
     * May mutate the store.
     *
     * @return null to serve the request normally, or the response to send instead
     */
    SimulatedResponse beforeServe(RecordedRequest request, OpportunityStore store);
}
