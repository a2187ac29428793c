package com.oraclesync.oracle;

import com.oraclesync.simulator.OpportunityActivity;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Keeps the demo data moving between syncs: a simulator activity step at a fixed interval, off its own thread. */
final class DemoChanges {

    private final OpportunityActivity activity;
    private final int changes;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-oracle-changes");
        thread.setDaemon(true);
        return thread;
    });

    DemoChanges(OpportunityActivity activity, int changes) {
        this.activity = activity;
        this.changes = changes;
    }

    void start(Duration interval) {
        if (!interval.isZero() && changes > 0) {
            executor.scheduleAtFixedRate(() -> activity.step(changes, 1), interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        executor.shutdownNow();
    }
}
