package com.oraclesync.chaos;

import com.oraclesync.simulator.ResourceStore;
import com.oraclesync.simulator.RecordedRequest;
import com.oraclesync.simulator.RequestHook;
import com.oraclesync.simulator.SimulatedResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The round's Oracle: answers some requests with a passing fault, changes records while it serves one, and kills
 * the child JVM at a chosen request. Requests are counted from 0 for the round.
 */
final class ChaosFaults implements RequestHook {

    private static final String[] FAULTS = {
        "503", "cut connection", "truncated body", "slow page", "429 Retry-After 1"};
    private static final String TRUNCATED = "{\"items\":[{\"OptyId\":1,\"Name\":\"cut";

    private final ChaosRound round;
    private final Random random;
    private final Runnable injectChanges;
    private final Runnable kill;
    private final List<String> answered = new ArrayList<>();
    private int requests;

    ChaosFaults(ChaosRound round, Random random, Runnable injectChanges, Runnable kill) {
        this.round = round;
        this.random = random;
        this.injectChanges = injectChanges;
        this.kill = kill;
    }

    @Override
    public synchronized SimulatedResponse beforeServe(RecordedRequest request, ResourceStore store) {
        int number = requests++;
        if (round.killAtRequest() != null && number == round.killAtRequest()) {
            kill.run();
            answered.add(number + ": killed the service");
            return SimulatedResponse.dropConnection();
        }
        if (round.injectAtRequest() != null && number == round.injectAtRequest()) {
            injectChanges.run();
            answered.add(number + ": changed records while serving it");
        }
        if (random.nextDouble() >= round.faultRate()) {
            return null;
        }
        int kind = random.nextInt(round.tooManyRequests() ? 5 : 4);
        answered.add(number + ": " + FAULTS[kind]);
        return switch (kind) {
            case 0 -> SimulatedResponse.status(503);
            case 1 -> SimulatedResponse.dropConnection();
            case 2 -> SimulatedResponse.body(200, "application/json", TRUNCATED);
            case 3 -> SimulatedResponse.delayThenServe(Duration.ofMillis(150));
            default -> SimulatedResponse.status(429).header("Retry-After", "1");
        };
    }

    /** Whether the round killed its service, and how many faults it served. */
    synchronized boolean killed() {
        return answered.stream().anyMatch(line -> line.endsWith("killed the service"));
    }

    synchronized long faults() {
        return answered.stream().filter(line -> !line.endsWith("killed the service") && !line.endsWith("serving it"))
                .count();
    }

    synchronized List<String> answered() {
        return List.copyOf(answered);
    }
}
