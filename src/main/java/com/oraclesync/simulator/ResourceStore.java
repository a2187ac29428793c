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
 * The simulated tenant's items of one resource (opportunities, accounts, a custom object), keyed by the resource's
 * key field. Items go in and come out as maps with Oracle's field names and JSON-ready values; every method returns
 * copies. Thread-safe.
 */
public final class ResourceStore {

    private static final long FIRST_GENERATED_KEY = 300_000_000_000_001L;

    private final ResourceShape shape;
    private final OrderBy keyOrder;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Long, StoredItem> records = new TreeMap<>();
    private final FieldLayouts layouts;
    private final SortedViewCache sortedViews = new SortedViewCache();
    private volatile Clock clock;
    private volatile long version;

    public ResourceStore(ResourceShape shape, Clock clock) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.keyOrder = OrderBy.byKey(shape.keyField());
        this.layouts = new FieldLayouts(shape);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static ResourceStore opportunities(Clock clock) {
        return new ResourceStore(ResourceShape.OPPORTUNITIES, clock);
    }

    public ResourceShape shape() {
        return shape;
    }

    public void setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Inserts or replaces the item exactly as given, LastUpdateDate included. */
    public void put(Map<String, Object> item) {
        StoredItem record = layouts.toStored(item);
        write(() -> records.put(record.key(), record));
    }

    public void putAll(Collection<Map<String, Object>> items) {
        List<StoredItem> converted = new ArrayList<>(items.size());
        for (Map<String, Object> item : items) {
            converted.add(layouts.toStored(item));
        }
        write(() -> {
            converted.forEach(record -> records.put(record.key(), record));
            return null;
        });
    }

    /**
     * Adds a new item as Oracle would create it: CreationDate and LastUpdateDate are now, and the next free key is
     * assigned when the item has none.
     *
     * @throws IllegalArgumentException if an item with the item's key exists
     */
    public Map<String, Object> insert(Map<String, Object> item) {
        return write(() -> {
            Map<String, Object> created = new LinkedHashMap<>(item);
            if (created.get(shape.keyField()) == null) {
                created.put(shape.keyField(), records.isEmpty() ? FIRST_GENERATED_KEY : records.lastKey() + 1);
            }
            String now = OracleTimestamps.format(clock.instant());
            created.put(OracleItems.CREATION_DATE, now);
            created.put(OracleItems.LAST_UPDATE_DATE, now);
            StoredItem record = layouts.toStored(created);
            if (records.containsKey(record.key())) {
                throw new IllegalArgumentException(shape.keyField() + " " + record.key() + " already exists");
            }
            records.put(record.key(), record);
            return record.toMap();
        });
    }

    /**
     * Applies the changes and sets LastUpdateDate to now, as an edit in Oracle would.
     *
     * @throws IllegalArgumentException if there is no item with that key
     */
    public Map<String, Object> update(long key, Map<String, Object> changes) {
        return write(() -> {
            StoredItem existing = records.get(key);
            if (existing == null) {
                throw new IllegalArgumentException("No " + shape.itemName() + " with " + shape.keyField() + " " + key);
            }
            Map<String, Object> updated = existing.toMap();
            updated.putAll(changes);
            updated.put(shape.keyField(), key);
            updated.put(OracleItems.LAST_UPDATE_DATE, OracleTimestamps.format(clock.instant()));
            StoredItem record = layouts.toStored(updated);
            records.put(key, record);
            return record.toMap();
        });
    }

    public boolean remove(long key) {
        lock.writeLock().lock();
        try {
            boolean removed = records.remove(key) != null;
            if (removed) {
                version++;
            }
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Optional<Map<String, Object>> get(long key) {
        return read(() -> Optional.ofNullable(records.get(key)).map(StoredItem::toMap));
    }

    public int size() {
        return read(records::size);
    }

    /** Copies of every item, sorted by key. */
    public List<Map<String, Object>> all() {
        return read(() -> records.values().stream().map(StoredItem::toMap).toList());
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
        return sortedViews.get(orderBy, shape.keyField(), version, records::values);
    }

    /** The store's own order, by key: the order of a request without orderBy. */
    OrderBy keyOrder() {
        return keyOrder;
    }

    /** Must be called inside {@link #read}. */
    StoredItem find(long key) {
        return records.get(key);
    }

    /** Must be called inside {@link #read}; a linear scan, as the number (OptyNumber, PartyNumber) is not a key here. */
    StoredItem findByNumber(String number) {
        if (shape.numberField() == null) {
            return null;
        }
        for (StoredItem record : records.values()) {
            if (number.equals(record.value(shape.numberField()))) {
                return record;
            }
        }
        return null;
    }

    long[] keys() {
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
