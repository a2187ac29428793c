package com.oraclesync.sync;

import com.oraclesync.mapping.KeysetPosition;
import com.oraclesync.oracle.OracleRetryState;
import com.oraclesync.persistence.PreparedPage;
import com.oraclesync.resource.SyncResource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state of one run of one resource, carried through the route as the exchange property {@code syncRun}; the
 * SQL files read what they store from it by name ({@code :#${exchangeProperty.syncRun.logId()}}). Counts of the page
 * being written stay pending until its transaction commits, so the totals only ever describe committed data. The
 * run's final status is decided here, in {@link #status()}, and nowhere else.
 *
 * <p>A parallel run ({@code sync.parallelism} > 1) has one {@code SyncRun} per {@link RunSlice} besides its own: each
 * slice pages with its own cursor and checkpoint, and adds what it commits to the run, whose cursor is the furthest
 * committed position of any slice. The run's watermark is written only once every slice has ended, so it never
 * passes a record that a slice has not committed.
 */
public final class SyncRun {

    private final SyncResource resource;
    private final long logId;
    private final SyncType type;
    private final SyncTrigger trigger;
    private final OffsetDateTime watermarkFrom;
    private final KeysetPosition previousWatermark;
    private final boolean resumed;
    private final VisibilityGuard visibilityGuard;
    private final Instant startedAt = Instant.now();
    /** The run of a slice, or null for a run itself. */
    private final SyncRun parent;
    private final RunSlice slice;

    private KeysetPosition cursor;
    /** Where the next request starts: the last prepared page's end, which may not be committed yet. */
    private volatile KeysetPosition fetchCursor;
    private volatile boolean firstRequest = true;
    private PageAhead prefetched;
    private volatile boolean ended;
    private boolean slotHeld;
    private long fence;
    private boolean hasMore = true;
    private Long totalResults;
    private volatile RunTotals committed = RunTotals.NONE;
    private long deletedRecords;
    private long restoredRecords;

    private PreparedPage pendingPage;
    private RunTotals pendingWrites = RunTotals.NONE;

    private volatile List<SyncRun> slices = List.of();
    private volatile boolean sliceDone;
    private volatile boolean aborted;
    private Exception sliceFailure;
    private OracleRetryState sliceFailureRetries;
    private volatile Instant oraclePausedUntil = Instant.EPOCH;

    SyncRun(SyncResource resource, long logId, SyncTrigger trigger, SyncPlan plan, KeysetPosition previousWatermark,
            VisibilityGuard visibilityGuard) {
        this.resource = resource;
        this.logId = logId;
        this.type = plan.type();
        this.trigger = trigger;
        this.watermarkFrom = plan.from();
        this.cursor = plan.cursor();
        this.fetchCursor = plan.cursor();
        this.previousWatermark = previousWatermark;
        this.resumed = plan.resumed();
        this.visibilityGuard = visibilityGuard;
        this.parent = null;
        this.slice = null;
    }

    private SyncRun(SyncRun parent, RunSlice slice, KeysetPosition checkpoint, boolean done) {
        this.resource = parent.resource;
        this.logId = parent.logId;
        this.type = parent.type;
        this.trigger = parent.trigger;
        this.watermarkFrom = parent.watermarkFrom;
        this.previousWatermark = null;
        this.resumed = parent.resumed;
        this.visibilityGuard = VisibilityGuard.OFF;
        this.cursor = checkpoint;
        this.fetchCursor = checkpoint;
        this.firstRequest = false;
        this.fence = parent.fence;
        this.parent = parent;
        this.slice = slice;
        this.sliceDone = done;
        this.hasMore = !done;
    }

    /** The run of one of this run's slices, starting after its checkpoint (null: from the slice's lower bound). */
    SyncRun slice(RunSlice slice, KeysetPosition checkpoint, boolean done) {
        return new SyncRun(this, slice, checkpoint, done);
    }

    /** Makes this a parallel run of the given slices; the run's cursor is the furthest checkpoint among them. */
    void slicesPlanned(List<SyncRun> planned) {
        slices = List.copyOf(planned);
        for (SyncRun sliceRun : planned) {
            if (sliceRun.cursor != null && (cursor == null || sliceRun.cursor.compareTo(cursor) > 0)) {
                cursor = sliceRun.cursor;
            }
        }
    }

    /** The slices of a parallel run, in cursor order; empty for a sequential run and for a slice. */
    public List<SyncRun> slices() {
        return slices;
    }

    /** The slices that still have records to read, which the run's split hands to its workers. */
    public List<SyncRun> unfinishedSlices() {
        List<SyncRun> unfinished = new ArrayList<>();
        for (SyncRun sliceRun : slices) {
            if (!sliceRun.sliceDone) {
                unfinished.add(sliceRun);
            }
        }
        return unfinished;
    }

    /** Whether this run reads its records in parallel slices. */
    public boolean sliced() {
        return !slices.isEmpty();
    }

    /** This slice's bounds, or null for a run itself. */
    public RunSlice slice() {
        return slice;
    }

    /** Whether this is a slice of a parallel run. */
    public boolean inSlice() {
        return slice != null;
    }

    /** The run itself: this one, or the run this slice belongs to. */
    public SyncRun root() {
        return parent == null ? this : parent;
    }

    public boolean sliceDone() {
        return sliceDone;
    }

    void markSliceDone() {
        sliceDone = true;
    }

    /** The first failure of a slice stops the others at their next page; the run fails with it once all stopped. */
    synchronized void sliceFailed(Exception failure, OracleRetryState retries) {
        if (sliceFailure == null) {
            sliceFailure = failure;
            sliceFailureRetries = retries;
        }
        aborted = true;
    }

    synchronized Exception sliceFailure() {
        return sliceFailure;
    }

    synchronized OracleRetryState sliceFailureRetries() {
        return sliceFailureRetries;
    }

    /** Oracle asked to wait (Retry-After): no slice of the run sends a request before then. */
    public void pauseOracleUntil(Instant until) {
        SyncRun run = root();
        synchronized (run) {
            if (until.isAfter(run.oraclePausedUntil)) {
                run.oraclePausedUntil = until;
            }
        }
    }

    /** Until when the run's requests wait, as Oracle asked; {@link Instant#EPOCH} when they need not. */
    public Instant oraclePausedUntil() {
        return root().oraclePausedUntil;
    }

    private synchronized void sliceCommitted(RunTotals totals, KeysetPosition last) {
        committed = committed.plus(totals);
        if (last != null && (cursor == null || last.compareTo(cursor) > 0)) {
            cursor = last;
        }
    }

    public void pageFetched(int items, boolean oracleHasMore, Long oracleTotalResults) {
        firstRequest = false;
        if (committed.pages() == 0 && totalResults == null) {
            totalResults = oracleTotalResults;
        }
        hasMore = oracleHasMore && items > 0;
    }

    /** Holds a prepared page until it commits; its order was checked before (see {@link PageOrder}). */
    public void pagePrepared(PreparedPage page) {
        KeysetPosition last = page.lastPosition();
        if (last == null) {
            throw new IllegalStateException("Oracle returned a page of " + page.fetched() + " items none of which has a "
                    + "readable " + resource.keyField() + " and " + resource.cursorField() + ", so paging cannot continue");
        }
        fetchCursor = last;
        pendingPage = page;
        pendingWrites = new RunTotals(page.fetched(), 0, 0, 0, 0, page.rejected(), 1);
    }

    /** The counts of one upsert batch (the resource's upsert.sql, or its row-by-row retry). */
    public void batchWritten(Map<String, Object> counts) {
        long isolated = counts.get("failed_records") instanceof Number number ? number.longValue() : 0;
        pendingWrites = pendingWrites.plus(new RunTotals(0, number(counts, "new_records"),
                number(counts, "updated_records"), number(counts, "unchanged_records"), 0, isolated, 0));
    }

    /** The outcome of a RECONCILE run's marking step (the resource's mark-deleted.sql). */
    public void reconciled(Map<String, Object> counts) {
        deletedRecords = number(counts, "deleted_records");
        restoredRecords = number(counts, "restored_records");
    }

    public void pageCommitted() {
        RunTotals page = pendingTotals();
        committed = committed.plus(page);
        cursor = pendingPage.lastPosition();
        if (parent != null) {
            parent.sliceCommitted(page, cursor);
        }
        pendingPage = null;
        pendingWrites = RunTotals.NONE;
    }

    /** The totals as they will be once the page being written commits: what its transaction writes to sync_logs. */
    public RunTotals totalsWithPendingPage() {
        return committed.plus(pendingTotals());
    }

    /** A RECONCILE page writes no rows, so none of its ids is skipped. */
    private RunTotals pendingTotals() {
        return type == SyncType.RECONCILE ? pendingWrites : pendingWrites.withSkippedStale();
    }

    /** The counts of the page being written alone: what a slice's page transaction adds to sync_logs. */
    public RunTotals pendingWrites() {
        return pendingTotals();
    }

    /** The page being written: its last position becomes the checkpoint in the page's transaction. */
    public KeysetPosition pendingPosition() {
        return pendingPage.lastPosition();
    }

    /** SUCCESS, or PARTIAL when records could not be stored or the visibility guard has a warning. */
    public String status() {
        return committed.failed() > 0 || visibilityWarning() != null ? "PARTIAL" : "SUCCESS";
    }

    /** What a PARTIAL run's log says, or null. */
    public String problems() {
        long failed = committed.failed();
        String rejected = failed == 0 ? null : failed + " record(s) could not be stored; their reasons "
                + "and raw items are in sync_errors (sync_log_id " + logId + ")";
        String visibility = visibilityWarning();
        if (rejected == null || visibility == null) {
            return rejected == null ? visibility : rejected;
        }
        return visibility + ". Also: " + rejected;
    }

    private String visibilityWarning() {
        return type == SyncType.FULL && !resumed ? visibilityGuard.warning(committed.fetched()) : null;
    }

    /** The watermark never moves back: a run that saw nothing new keeps the previous one; a RECONCILE never moves it. */
    public KeysetPosition newWatermark() {
        if (cursor == null || type == SyncType.RECONCILE) {
            return previousWatermark;
        }
        return previousWatermark == null || cursor.compareTo(previousWatermark) > 0 ? cursor : previousWatermark;
    }

    public OffsetDateTime newWatermarkTs() {
        KeysetPosition watermark = newWatermark();
        return watermark == null ? null : watermark.updatedAt();
    }

    public Long newWatermarkId() {
        KeysetPosition watermark = newWatermark();
        return watermark == null ? null : watermark.remoteId();
    }

    public boolean full() {
        return type == SyncType.FULL;
    }

    public Duration elapsed() {
        return Duration.between(startedAt, Instant.now());
    }

    public double elapsedSeconds() {
        return elapsed().toMillis() / 1000.0;
    }

    public SyncResource resource() {
        return resource;
    }

    public String syncName() {
        return resource.name();
    }

    /** The key of the sync's sync_state row. */
    public String stateName() {
        return resource.stateName();
    }

    public long logId() {
        return logId;
    }

    /** The fencing token this run claimed when it began (see {@link RunFence}). */
    public long fence() {
        return fence;
    }

    void fence(long token) {
        fence = token;
    }

    public SyncType type() {
        return type;
    }

    /** A RECONCILE reads pages of ids (fields=the key field), not records to map. */
    public boolean readsIdsOnly() {
        return type == SyncType.RECONCILE;
    }

    public SyncTrigger trigger() {
        return trigger;
    }

    public OffsetDateTime watermarkFrom() {
        return watermarkFrom;
    }

    public KeysetPosition cursor() {
        return cursor;
    }

    public KeysetPosition fetchCursor() {
        return fetchCursor;
    }

    /** True until the first page of the run has been fetched: that request asks Oracle for totalResults. */
    public boolean firstRequest() {
        return firstRequest;
    }

    /** True once the run has completed or failed. */
    public boolean ended() {
        return root().ended;
    }

    /** Ends the run; true when it held a run slot, which the caller gives back. */
    synchronized boolean end() {
        ended = true;
        prefetched = null;
        boolean heldSlot = slotHeld;
        slotHeld = false;
        return heldSlot;
    }

    synchronized void slotTaken() {
        slotHeld = true;
    }

    synchronized void prefetchStarted(PageAhead request) {
        prefetched = request;
    }

    /** Whether the next page was requested while the previous one was written. */
    public synchronized boolean hasPrefetchedPage() {
        return prefetched != null;
    }

    /** The request for the next page started while the previous page was written, or null; taken only once. */
    synchronized PageAhead takePrefetchedPage() {
        PageAhead request = prefetched;
        prefetched = null;
        return request;
    }

    public boolean resumed() {
        return resumed;
    }

    /** For a slice: false too once another slice has failed, so that the run stops at the next page boundary. */
    public boolean hasMore() {
        return hasMore && (parent == null || !parent.aborted);
    }

    /**
     * Whether the next page is requested while this one is written: one page ahead, in a sequential run and in each
     * slice. Either way the loop has at most one request outstanding, so a run has at most sync.parallelism requests
     * in flight to Oracle.
     */
    public boolean prefetches() {
        return hasMore();
    }

    public Long totalResults() {
        return totalResults;
    }

    /** A parallel run's estimate of its records, from the count its slices were planned with. */
    void estimatedTotal(long total) {
        totalResults = total;
    }

    public int pages() {
        return (int) committed.pages();
    }

    public long fetched() {
        return committed.fetched();
    }

    public long newRecords() {
        return committed.newRecords();
    }

    public long updatedRecords() {
        return committed.updated();
    }

    public long unchangedRecords() {
        return committed.unchanged();
    }

    /** Records not written because the table holds a newer version (the stale-write guard), or the page a later one. */
    public long skippedStaleRecords() {
        return committed.skippedStale();
    }

    /** The committed totals. */
    public RunTotals totals() {
        return committed;
    }

    public long failedRecords() {
        return committed.failed();
    }

    public long deletedRecords() {
        return deletedRecords;
    }

    public long restoredRecords() {
        return restoredRecords;
    }

    public Instant startedAt() {
        return startedAt;
    }

    private static long number(Map<String, Object> counts, String name) {
        return ((Number) counts.get(name)).longValue();
    }

    @Override
    public String toString() {
        return type + " sync of " + resource.name() + " (log " + logId + ", " + trigger + ")"
                + (slice == null ? "" : ", slice " + slice.number());
    }
}
