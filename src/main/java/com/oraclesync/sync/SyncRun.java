package com.oraclesync.sync;

import com.oraclesync.mapping.KeysetPosition;
import com.oraclesync.persistence.PreparedPage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;

/**
 * The state of one run, carried through the route as the exchange property {@code syncRun}. Counts of the page
 * being written stay pending until its transaction commits, so the totals only ever describe committed data.
 */
public final class SyncRun {

    private final String syncName;
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
    private CompletableFuture<Exchange> nextPage;
    private volatile boolean ended;
    private long fence;
    private boolean hasMore = true;
    private Long totalResults;
    private int pages;
    private long fetched;
    private long newRecords;
    private long updatedRecords;
    private long unchangedRecords;
    private long failedRecords;
    private long deletedRecords;
    private long restoredRecords;

    private PreparedPage pendingPage;
    private long pendingNew;
    private long pendingUpdated;
    private long pendingUnchanged;
    private long pendingIsolated;

    SyncRun(String syncName, long logId, SyncTrigger trigger, SyncPlan plan, KeysetPosition previousWatermark) {
        this(syncName, logId, trigger, plan, previousWatermark, VisibilityGuard.OFF);
    }

    SyncRun(String syncName, long logId, SyncTrigger trigger, SyncPlan plan, KeysetPosition previousWatermark,
            VisibilityGuard visibilityGuard) {
        this.syncName = syncName;
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
        if (pages == 0 && totalResults == null) {
            totalResults = oracleTotalResults;
        }
        hasMore = oracleHasMore && items > 0;
    }

    /** Holds a prepared page until it commits; its order was checked before (see {@link PageOrder}). */
    public void pagePrepared(PreparedPage page) {
        KeysetPosition last = page.lastPosition();
        if (last == null) {
            throw new IllegalStateException("Oracle returned a page of " + page.fetched()
                    + " items none of which has a readable OptyId and LastUpdateDate, so paging cannot continue");
        }
        fetchCursor = last;
        pendingPage = page;
        pendingNew = 0;
        pendingUpdated = 0;
        pendingUnchanged = 0;
        pendingIsolated = 0;
    }

    public void batchWritten(Map<String, Object> counts) {
        pendingNew += ((Number) counts.get("new_records")).longValue();
        pendingUpdated += ((Number) counts.get("updated_records")).longValue();
        pendingUnchanged += ((Number) counts.get("unchanged_records")).longValue();
        if (counts.get("failed_records") instanceof Number isolated) {
            pendingIsolated += isolated.longValue();
        }
    }

    /** The outcome of a RECONCILE run's marking step (mark-deleted-opportunities.sql). */
    public void reconciled(Map<String, Object> counts) {
        deletedRecords = ((Number) counts.get("deleted_records")).longValue();
        restoredRecords = ((Number) counts.get("restored_records")).longValue();
    }

    public void pageCommitted() {
        pages++;
        fetched += pendingPage.fetched();
        failedRecords += pendingPage.rejected() + pendingIsolated;
        newRecords += pendingNew;
        updatedRecords += pendingUpdated;
        unchangedRecords += pendingUnchanged;
        cursor = pendingPage.lastPosition();
        pendingPage = null;
    }

    /** Parameters of advance-checkpoint.sql: the pending page's last position. */
    public Map<String, Object> checkpointParameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("sync_name", syncName);
        parameters.put("checkpoint_ts", pendingPage.lastPosition().updatedAt());
        parameters.put("checkpoint_id", pendingPage.lastPosition().remoteId());
        return parameters;
    }

    /** Parameters of update-sync-log-progress.sql: totals as they will be once the pending page commits. */
    public Map<String, Object> progressParameters() {
        Map<String, Object> parameters = countParameters();
        parameters.put("total_fetched", fetched + pendingPage.fetched());
        parameters.put("new_records", newRecords + pendingNew);
        parameters.put("updated_records", updatedRecords + pendingUpdated);
        parameters.put("failed_records", failedRecords + pendingPage.rejected() + pendingIsolated);
        parameters.put("pages", pages + 1);
        return parameters;
    }

    /** Parameters of the RECONCILE statements: the run's log id (the key of its reconcile_seen rows) and sync name. */
    public Map<String, Object> reconcileParameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("sync_log_id", logId);
        parameters.put("sync_name", syncName);
        return parameters;
    }

    /** Parameters of advance-watermark.sql and close-sync-log.sql for a run that reached the end of the data. */
    public Map<String, Object> completionParameters() {
        KeysetPosition watermark = newWatermark();
        Map<String, Object> parameters = countParameters();
        parameters.put("sync_name", syncName);
        parameters.put("status", status());
        parameters.put("error_message", problems());
        parameters.put("deleted_records", deletedRecords);
        parameters.put("restored_records", restoredRecords);
        parameters.put("watermark_ts", watermark == null ? null : watermark.updatedAt());
        parameters.put("watermark_id", watermark == null ? null : watermark.remoteId());
        parameters.put("full", type == SyncType.FULL);
        parameters.put("duration_seconds", elapsed().toMillis() / 1000.0);
        return parameters;
    }

    /** SUCCESS, or PARTIAL when records could not be stored or the visibility guard has a warning. */
    public String status() {
        return failedRecords > 0 || visibilityWarning() != null ? "PARTIAL" : "SUCCESS";
    }

    /** What a PARTIAL run's log says, or null. */
    public String problems() {
        String rejected = failedRecords == 0 ? null : failedRecords + " record(s) could not be stored; their reasons "
                + "and raw items are in sync_errors (sync_log_id " + logId + ")";
        String visibility = visibilityWarning();
        if (rejected == null || visibility == null) {
            return rejected == null ? visibility : rejected;
        }
        return visibility + ". Also: " + rejected;
    }

    private String visibilityWarning() {
        return type == SyncType.FULL && !resumed ? visibilityGuard.warning(fetched) : null;
    }

    /** The watermark never moves back: a run that saw nothing new keeps the previous one; a RECONCILE never moves it. */
    KeysetPosition newWatermark() {
        if (cursor == null || type == SyncType.RECONCILE) {
            return previousWatermark;
        }
        return previousWatermark == null || cursor.compareTo(previousWatermark) > 0 ? cursor : previousWatermark;
    }

    private Map<String, Object> countParameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("log_id", logId);
        parameters.put("total_fetched", fetched);
        parameters.put("new_records", newRecords);
        parameters.put("updated_records", updatedRecords);
        parameters.put("failed_records", failedRecords);
        parameters.put("pages", pages);
        return parameters;
    }

    public Duration elapsed() {
        return Duration.between(startedAt, Instant.now());
    }

    public long logId() {
        return logId;
    }

    public String syncName() {
        return syncName;
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

    void end() {
        ended = true;
        nextPage = null;
    }

    void nextPageRequested(CompletableFuture<Exchange> request) {
        nextPage = request;
    }

    /** The request for the next page started while the previous page was written, or null; taken only once. */
    CompletableFuture<Exchange> takeNextPage() {
        CompletableFuture<Exchange> request = nextPage;
        nextPage = null;
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
        return pages;
    }

    public long fetched() {
        return fetched;
    }

    public long newRecords() {
        return newRecords;
    }

    public long updatedRecords() {
        return updatedRecords;
    }

    public long unchangedRecords() {
        return unchangedRecords;
    }

    public long failedRecords() {
        return failedRecords;
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

    @Override
    public String toString() {
        return type + " sync (log " + logId + ", " + trigger + ")";
    }
}
