package com.oraclesync.oracle;

import com.oraclesync.simulator.OpportunityStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Keeps the demo data moving like a sales team would: a few deals change, a few close, one is added. */
final class DemoChanges {

    private static final List<String> STAGES = List.of("Qualify", "Develop", "Propose", "Negotiate", "Close");

    private final OpportunityStore store;
    private final int changes;
    private final Random random = new Random();

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-oracle-changes");
        thread.setDaemon(true);
        return thread;
    });

    DemoChanges(OpportunityStore store, int changes) {
        this.store = store;
        this.changes = changes;
    }

    void start(Duration interval) {
        if (!interval.isZero() && changes > 0) {
            executor.scheduleAtFixedRate(this::apply, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        executor.shutdownNow();
    }

    void apply() {
        List<Map<String, Object>> all = store.all();
        if (all.isEmpty()) {
            return;
        }
        for (int i = 0; i < changes; i++) {
            Map<String, Object> item = all.get(random.nextInt(all.size()));
            long optyId = ((Number) item.get("OptyId")).longValue();
            store.update(optyId, Map.of(
                    "SalesStage", STAGES.get(random.nextInt(STAGES.size())),
                    "Revenue", BigDecimal.valueOf(random.nextInt(5_000_000), 2).setScale(2, RoundingMode.UNNECESSARY),
                    "StatusCode", random.nextInt(10) == 0 ? (random.nextBoolean() ? "WON" : "LOST") : "OPEN"));
        }
        Map<String, Object> template = all.get(random.nextInt(all.size()));
        store.insert(Map.of(
                "Name", "New deal " + Instant.now(),
                "TargetPartyName", String.valueOf(template.get("TargetPartyName")),
                "CurrencyCode", "USD",
                "StatusCode", "OPEN",
                "SalesStage", "Qualify"));
    }
}
