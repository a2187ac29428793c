package com.oraclesync.chaos;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * Which seeds the chaos test runs and how many rounds each: one fixed seed by default (the build's guard),
 * {@code -Dchaos.seed=N} to replay one, {@code -Dchaos.seeds=K} for K seeds drawn from {@code chaos.first-seed}.
 */
record ChaosSettings(List<Long> seeds, int rounds) {

    static final long DEFAULT_SEED = 20_261_201L;
    static final int DEFAULT_ROUNDS = 10;

    static ChaosSettings fromSystemProperties() {
        int rounds = Integer.getInteger("chaos.rounds", DEFAULT_ROUNDS);
        String seed = System.getProperty("chaos.seed", "");
        if (!seed.isBlank()) {
            return new ChaosSettings(List.of(Long.parseLong(seed.trim())), rounds);
        }
        int count = Integer.getInteger("chaos.seeds", 1);
        if (count == 1) {
            return new ChaosSettings(List.of(DEFAULT_SEED), rounds);
        }
        Random seeds = new Random(Long.getLong("chaos.first-seed", System.nanoTime()));
        return new ChaosSettings(LongStream.generate(() -> seeds.nextInt(Integer.MAX_VALUE)).limit(count).boxed()
                .toList(), rounds);
    }
}
