package com.oraclesync.sync;

import com.oraclesync.mapping.KeysetPosition;
import com.oraclesync.persistence.PreparedPage;
import com.oraclesync.resource.SyncResource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The state of one run of one resource, carried through the route as the exchange property {@code syncRun}; the
 * SQL files read what they store from it by name ({@code :#${exchangeProperty.syncRun.logId()}}). Counts of the page
 * being written stay pending until its transaction commits, so the totals only ever describe committed data. The
 * run's final status is decided here, in {@link #status()}, and nowhere else.
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
    private RunTotals committed = RunTotals.NONE;
    private long deletedRecords;
    private long restoredRecords;

    private PreparedPage pendingPage;
    private RunTotals pendingWrites = RunTotals.NONE;

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
        committed = committed.plus(pendingTotals());
        cursor = pendingPage.lastPosition();
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
        return ended;
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

    public boolean hasMore() {
        return hasMore;
    }

    public Long totalResults() {
        return totalResults;
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
        return type + " sync of " + resource.name() + " (log " + logId + ", " + trigger + ")";
    }
}
