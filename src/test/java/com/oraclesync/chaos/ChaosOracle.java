package com.oraclesync.chaos;

import com.oraclesync.simulator.OpportunityGenerator;
import com.oraclesync.simulator.OpportunityStore;
import com.oraclesync.simulator.OracleTimestamps;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Changes the simulated tenant the way Oracle's users would, and remembers what the sync must make of them: which
 * records are bad, which were deleted, which were closed after their row existed.
 */
final class ChaosOracle {

    static final Set<String> CLOSED = Set.of("WON", "LOST");
    private static final long FIRST_OPTY_ID = 1_000_000L;
    private static final long FIRST_NEW_OPTY_ID = 50_000_000L;

    private final OpportunityStore store;
    private final Random random;
    private final OpportunityGenerator generator;
    private final LongPredicate stored;
    private final Set<Long> usedIds = new HashSet<>();
    private final Set<Long> bad = new HashSet<>();
    private final Set<Long> everBad = new HashSet<>();
    private final Map<Long, Map<String, Object>> removed = new HashMap<>();
    private final Set<Long> closedWhileStored = new HashSet<>();
    private long nextNewId = FIRST_NEW_OPTY_ID;

    /** {@code stored} tells whether PostgreSQL holds a row for an OptyId at this moment. */
    ChaosOracle(OpportunityStore store, long seed, LongPredicate stored) {
        this.store = store;
        this.random = new Random(seed);
        this.generator = new OpportunityGenerator(seed);
        this.stored = stored;
    }

    void seed(int records) {
        Instant now = Instant.now();
        List<Map<String, Object>> items = generator.generate(records, FIRST_OPTY_ID, now.minus(Duration.ofDays(200)),
                now.minus(Duration.ofDays(1)));
        store.putAll(items);
        items.forEach(item -> usedIds.add(id(item)));
    }

    void updateSome(int count, int round) {
        for (long id : liveIds(count)) {
            store.update(id, Map.of("Name", "Updated in round " + round));
        }
    }

    void insertSome(int count) {
        for (int i = 0; i < count; i++) {
            Instant now = Instant.now();
            store.put(withDates(generator.opportunity(newId(), now), now, now));
        }
    }

    /** New records whose OptyIds sort before every stored one and whose CreationDate lies months back. */
    void insertLowIdsBackdated(int count) {
        for (int i = 0; i < count; i++) {
            long id = lowFreeId();
            Instant now = Instant.now();
            store.put(withDates(generator.opportunity(id, now), now.minus(Duration.ofDays(100 + random.nextInt(300))),
                    now));
        }
    }

    /** Updates and inserts that all carry one LastUpdateDate, more than a page of them. */
    void tieBurst(int count, int round) {
        Instant tied = Instant.now();
        List<Map<String, Object>> items = new ArrayList<>();
        for (long id : liveIds(count / 2)) {
            Map<String, Object> item = new LinkedHashMap<>(store.get(id).orElseThrow());
            item.put("Name", "Tied in round " + round);
            item.put("LastUpdateDate", OracleTimestamps.format(tied));
            items.add(item);
        }
        while (items.size() < count) {
            items.add(withDates(generator.opportunity(newId(), tied), tied, tied));
        }
        store.putAll(items);
    }

    /** Records the field mapping refuses (Revenue "abc"): new ones, and new versions of stored ones. */
    void breakSome(int count) {
        for (int i = 0; i < count; i++) {
            Instant now = Instant.now();
            long id;
            if (random.nextBoolean()) {
                id = newId();
                Map<String, Object> item = withDates(generator.opportunity(id, now), now, now);
                item.put("Revenue", "abc");
                store.put(item);
            } else {
                id = liveIds(1).get(0);
                store.update(id, Map.of("Revenue", "abc"));
            }
            bad.add(id);
            everBad.add(id);
        }
    }

    /** Oracle's users close deals; a record is never reopened, so a closed status in PostgreSQL stays decided. */
    void closeSome(int count) {
        for (long id : liveIds(count)) {
            String status = (String) store.get(id).orElseThrow().get("StatusCode");
            if (status != null && CLOSED.contains(status)) {
                continue;
            }
            if (stored.test(id)) {
                closedWhileStored.add(id);
            }
            store.update(id, Map.of("StatusCode", random.nextBoolean() ? "WON" : "LOST"));
        }
    }

    /** A record that another transaction committed late: its LastUpdateDate lies a little before now. */
    void commitLate(int count) {
        Instant late = Instant.now().minus(Duration.ofSeconds(1 + random.nextInt(60)));
        for (int i = 0; i < count; i++) {
            long id = i % 2 == 0 ? newId() : lowFreeId();
            store.put(withDates(generator.opportunity(id, late), late, late));
        }
    }

    /** Deletes records that PostgreSQL holds: one deleted before any run read it leaves no trace to reconcile. */
    void deleteStored(int count) {
        for (long id : liveIds(count * 3).stream().filter(stored::test).limit(count).toList()) {
            removed.put(id, store.get(id).orElseThrow());
            store.remove(id);
        }
    }

    /** Records come back as they were (e.g. visibility restored), with their old LastUpdateDate. */
    void restoreSome(int count) {
        List<Long> ids = new ArrayList<>(removed.keySet());
        ids.sort(null);
        for (int i = 0; i < count && !ids.isEmpty(); i++) {
            long id = ids.remove(random.nextInt(ids.size()));
            store.put(removed.remove(id));
        }
    }

    /** The faults are over: Oracle's users fix every bad record, and one more edit makes the newest position live. */
    void quiesce() {
        for (long id : bad) {
            if (store.get(id).isPresent()) {
                store.update(id, Map.of("Revenue", new BigDecimal("1234.50")));
            }
        }
        bad.clear();
        store.update(liveIds(1).get(0), Map.of("Name", "The last change"));
    }

    boolean wasEverBad(long id) {
        return everBad.contains(id);
    }

    boolean closedWhileStored(long id) {
        return closedWhileStored.contains(id);
    }

    boolean isOpen(long id) {
        return store.get(id).map(item -> !CLOSED.contains(String.valueOf(item.get("StatusCode")))).orElse(false);
    }

    /** Up to {@code count} distinct OptyIds that Oracle holds now and that are not bad. */
    List<Long> liveIds(int count) {
        List<Long> live = new ArrayList<>(store.all().stream().map(ChaosOracle::id).filter(id -> !bad.contains(id))
                .toList());
        List<Long> picked = new ArrayList<>();
        while (picked.size() < count && !live.isEmpty()) {
            picked.add(live.remove(random.nextInt(live.size())));
        }
        return picked;
    }

    static long id(Map<String, Object> item) {
        return ((Number) item.get("OptyId")).longValue();
    }

    private long newId() {
        usedIds.add(nextNewId);
        return nextNewId++;
    }

    private long lowFreeId() {
        long id;
        do {
            id = 1 + random.nextInt((int) FIRST_OPTY_ID - 1);
        } while (!usedIds.add(id));
        return id;
    }

    private static Map<String, Object> withDates(Map<String, Object> item, Instant created, Instant updated) {
        Map<String, Object> dated = new LinkedHashMap<>(item);
        dated.put("CreationDate", OracleTimestamps.format(created));
        dated.put("LastUpdateDate", OracleTimestamps.format(updated));
        return dated;
    }
}
