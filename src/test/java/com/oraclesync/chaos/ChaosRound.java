package com.oraclesync.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What one round of the chaos test does before and during its run, drawn from the round's own random generator.
 * Counts of zero and absent request numbers mean "not this round".
 *
 * @param faultRate       share of Oracle requests answered with a passing fault (503, cut connection, truncated
 *                        body, slow page, and 429 with Retry-After when {@code tooManyRequests})
 * @param injectAtRequest the request (from 0) during which Oracle changes records while it serves the page
 * @param killAtRequest   the request (from 0) at which a child JVM running the round's sync is killed with SIGKILL
 */
record ChaosRound(int number, int updates, int inserts, int lowIdInserts, int tieBurst, int badItems, int closes,
                  int deletes, int restores, int localEdits, double faultRate, boolean tooManyRequests,
                  Integer injectAtRequest, boolean forcedFull, boolean reconcile, Integer killAtRequest) {

    static ChaosRound draw(int number, Random random) {
        boolean reconcile = chance(random, 0.2);
        boolean faults = chance(random, 0.5);
        return new ChaosRound(number,
                chance(random, 0.6) ? between(random, 1, 40) : 0,
                chance(random, 0.5) ? between(random, 1, 30) : 0,
                chance(random, 0.3) ? between(random, 1, 10) : 0,
                chance(random, 0.25) ? between(random, 60, 400) : 0,
                chance(random, 0.2) ? between(random, 1, 3) : 0,
                chance(random, 0.3) ? between(random, 1, 6) : 0,
                reconcile ? between(random, 1, 8) : 0,
                chance(random, 0.25) ? between(random, 1, 5) : 0,
                chance(random, 0.3) ? between(random, 1, 10) : 0,
                faults ? 0.05 + random.nextDouble() * 0.25 : 0,
                faults && chance(random, 0.3),
                chance(random, 0.4) ? between(random, 0, 5) : null,
                chance(random, 0.15),
                reconcile,
                chance(random, 0.2) ? between(random, 0, 3) : null);
    }

    String mode() {
        return forcedFull ? "FULL" : "AUTO";
    }

    @Override
    public String toString() {
        List<String> drawn = new ArrayList<>();
        add(drawn, "updates", updates);
        add(drawn, "inserts", inserts);
        add(drawn, "low-id backdated inserts", lowIdInserts);
        add(drawn, "tie burst", tieBurst);
        add(drawn, "bad items", badItems);
        add(drawn, "closed in Oracle", closes);
        add(drawn, "deletes", deletes);
        add(drawn, "restores", restores);
        add(drawn, "local workflow edits", localEdits);
        if (faultRate > 0) {
            drawn.add(String.format("faults on %.0f%% of requests%s", faultRate * 100,
                    tooManyRequests ? " incl. 429 Retry-After" : ""));
        }
        if (injectAtRequest != null) {
            drawn.add("changes while serving request " + injectAtRequest);
        }
        if (forcedFull) {
            drawn.add("forced FULL");
        }
        if (killAtRequest != null) {
            drawn.add("kill -9 at request " + killAtRequest);
        }
        if (reconcile) {
            drawn.add("RECONCILE");
        }
        return "round " + number + ": " + (drawn.isEmpty() ? "a plain run" : String.join(", ", drawn));
    }

    private static void add(List<String> drawn, String what, int count) {
        if (count > 0) {
            drawn.add(count + " " + what);
        }
    }

    private static boolean chance(Random random, double probability) {
        return random.nextDouble() < probability;
    }

    private static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }
}
