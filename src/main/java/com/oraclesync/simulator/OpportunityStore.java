package com.oraclesync.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The simulated tenant's opportunities, keyed by OptyId. Items go in and come out as maps with
 * Oracle's field names and JSON-ready values; every method returns copies. Thread-safe.
 */
public final class OpportunityStore {

    private static final long FIRST_GENERATED_OPTY_ID = 300_000_000_000_001L;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Long, StoredOpportunity> records = new TreeMap<>();
    private final FieldLayouts layouts = new FieldLayouts();
    private final SortedViewCache sortedViews = new SortedViewCache();
    private volatile Clock clock;
    private volatile long version;

    public OpportunityStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Inserts or replaces the item exactly as given, LastUpdateDate included. */
    public void put(Map<String, Object> item) {
        StoredOpportunity record = layouts.toStored(item);
        write(() -> records.put(record.optyId(), record));
    }

    public void putAll(Collection<Map<String, Object>> items) {
        List<StoredOpportunity> converted = new ArrayList<>(items.size());
        for (Map<String, Object> item : items) {
            converted.add(layouts.toStored(item));
        }
        write(() -> {
            converted.forEach(record -> records.put(record.optyId(), record));
            return null;
        });
    }

    /**
     * Adds a new opportunity as Oracle would create it: CreationDate and LastUpdateDate are now,
     * and the next free OptyId is assigned when the item has none.
     *
     * @throws IllegalArgumentException if an opportunity with the item's OptyId exists
     */
    public Map<String, Object> insert(Map<String, Object> item) {
        return write(() -> {
            Map<String, Object> created = new LinkedHashMap<>(item);
            if (created.get(OpportunityFields.OPTY_ID) == null) {
                created.put(OpportunityFields.OPTY_ID,
                        records.isEmpty() ? FIRST_GENERATED_OPTY_ID : records.lastKey() + 1);
            }
            String now = OracleTimestamps.format(clock.instant());
            created.put(OpportunityFields.CREATION_DATE, now);
            created.put(OpportunityFields.LAST_UPDATE_DATE, now);
            StoredOpportunity record = layouts.toStored(created);
            if (records.containsKey(record.optyId())) {
                throw new IllegalArgumentException("OptyId " + record.optyId() + " already exists");
            }
            records.put(record.optyId(), record);
            return record.toMap();
        });
    }

    /**
     * Applies the changes and sets LastUpdateDate to now, as an edit in Oracle would.
     *
     * @throws IllegalArgumentException if there is no opportunity with that OptyId
     */
    public Map<String, Object> update(long optyId, Map<String, Object> changes) {
        return write(() -> {
            StoredOpportunity existing = records.get(optyId);
            if (existing == null) {
                throw new IllegalArgumentException("No opportunity with OptyId " + optyId);
            }
            Map<String, Object> updated = existing.toMap();
            updated.putAll(changes);
            updated.put(OpportunityFields.OPTY_ID, optyId);
            updated.put(OpportunityFields.LAST_UPDATE_DATE, OracleTimestamps.format(clock.instant()));
            StoredOpportunity record = layouts.toStored(updated);
            records.put(optyId, record);
            return record.toMap();
        });
    }

    public boolean remove(long optyId) {
        lock.writeLock().lock();
        try {
            boolean removed = records.remove(optyId) != null;
            if (removed) {
                version++;
            }
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Optional<Map<String, Object>> get(long optyId) {
        return read(() -> Optional.ofNullable(records.get(optyId)).map(StoredOpportunity::toMap));
    }

    public int size() {
        return read(records::size);
    }

    /** Copies of every item, sorted by OptyId. */
    public List<Map<String, Object>> all() {
        return read(() -> records.values().stream().map(StoredOpportunity::toMap).toList());
    }

    public void clear() {
        write(() -> {
            records.clear();
            return null;
        });
        sortedViews.clear();
    }

    /** Increases with every change, so a reader can tell whether the data moved. */
    public long version() {
        return version;
    }

    <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Must be called inside {@link #read}, so that the view matches the data the caller sees. */
    SortedView sortedView(OrderBy orderBy) {
        return sortedViews.get(orderBy, version, records::values);
    }

    /** Must be called inside {@link #read}. */
    StoredOpportunity find(long optyId) {
        return records.get(optyId);
    }

    /** Must be called inside {@link #read}; a linear scan, as the number is not a key here. */
    StoredOpportunity findByOptyNumber(String optyNumber) {
        for (StoredOpportunity record : records.values()) {
            if (optyNumber.equals(record.value(OpportunityFields.OPTY_NUMBER))) {
                return record;
            }
        }
        return null;
    }

    long[] optyIds() {
        return read(() -> records.keySet().stream().mapToLong(Long::longValue).toArray());
    }

    Set<String> knownFields() {
        return layouts.knownFields();
    }

    Clock clock() {
        return clock;
    }

    private <T> T write(Supplier<T> writer) {
        lock.writeLock().lock();
        try {
            T result = writer.get();
            version++;
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
