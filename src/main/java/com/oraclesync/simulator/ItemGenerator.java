package com.oraclesync.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Realistic items of one resource, the same for the same seed; each resource's generator fills in its fields. */
public abstract class ItemGenerator {

    protected final SplittableRandom random;

    protected ItemGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code count} items with consecutive keys; creation and last update fall between from and to. */
    public List<Map<String, Object>> generate(int count, long firstKey, Instant from, Instant to) {
        long fromMillis = from.toEpochMilli();
        long span = Math.max(0, to.toEpochMilli() - fromMillis);
        List<Map<String, Object>> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long lastUpdate = fromMillis + random.nextLong(span + 1);
            long creation = fromMillis + random.nextLong(lastUpdate - fromMillis + 1);
            items.add(item(firstKey + i, Instant.ofEpochMilli(creation), Instant.ofEpochMilli(lastUpdate)));
        }
        return items;
    }

    protected abstract Map<String, Object> item(long key, Instant creation, Instant lastUpdate);

    protected <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
