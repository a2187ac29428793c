package com.oraclesync.simulator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Sales reps at work, for the demo: each step edits some opportunities and creates others, so
 * the data keeps changing between syncs. Changes are stamped with the store's clock.
 */
public final class OpportunityActivity {

    private static final String[] STAGES = {"02 - Discover", "03 - Develop Solution", "04 - Propose", "05 - Negotiate"};
    private static final String[] CLOSED = {"WON", "LOST"};

    private final ResourceStore store;
    private final OpportunityGenerator generator;
    private final SplittableRandom random;

    public OpportunityActivity(ResourceStore store, long seed) {
        this.store = store;
        this.generator = new OpportunityGenerator(seed);
        this.random = new SplittableRandom(seed);
    }

    /** Updates up to {@code updates} random existing opportunities and inserts {@code inserts} new ones. */
    public void step(int updates, int inserts) {
        long[] ids = store.keys();
        for (int i = 0; i < updates && ids.length > 0; i++) {
            long optyId = ids[random.nextInt(ids.length)];
            try {
                store.update(optyId, change());
            } catch (IllegalArgumentException removedMeanwhile) {
                // another writer deleted it after the ids were read; skip it
            }
        }
        for (int i = 0; i < inserts; i++) {
            Map<String, Object> item = generator.opportunity(0, store.clock().instant());
            item.remove(OpportunityFields.OPTY_ID);
            item.put("StatusCode", "OPEN");
            store.insert(item);
        }
    }

    private Map<String, Object> change() {
        Map<String, Object> change = new LinkedHashMap<>();
        switch (random.nextInt(3)) {
            case 0 -> change.put("SalesStage", STAGES[random.nextInt(STAGES.length)]);
            case 1 -> change.put("Revenue", BigDecimal.valueOf(random.nextLong(100_000, 200_000_001), 2));
            default -> {
                change.put("StatusCode", CLOSED[random.nextInt(CLOSED.length)]);
                change.put("SalesStage", "06 - Close");
            }
        }
        return change;
    }
}
