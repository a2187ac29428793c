package com.oraclesync.sync;

import com.oraclesync.mapping.KeysetPosition;
import com.oraclesync.oracle.OraclePage;
import com.oraclesync.oracle.OracleRetryState;
import com.oraclesync.persistence.PreparedPage;
import com.oraclesync.resource.SyncResource;
import com.oraclesync.resource.SyncResources;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Starts, follows and ends sync runs: the route's {@code syncRuns} bean. */
@Component("syncRuns")
public class SyncRuns {

    private static final Logger log = LoggerFactory.getLogger(SyncRuns.class);
    private static final Duration RUNNING_LOG_WAIT = Duration.ofSeconds(2);

    private final SyncProperties properties;
    private final SyncResources resources;
    private final SyncRunLock lock;
    private final RunSlots slots;
    private final SyncStateRepository state;
    private final SyncLogRepository logs;
    private final RunFence fence;
    private final SyncSources sources;
    private final TransactionTemplate transaction;
    private final List<SyncRunListener> listeners;
    private final String instanceId = ManagementFactory.getRuntimeMXBean().getName();

    /** Per sync: a failure that could not be written to sync_logs (the database was down); its next run writes it. */
    private final Map<String, UnrecordedFailure> unrecordedFailures = new ConcurrentHashMap<>();

    public SyncRuns(SyncProperties properties, SyncResources resources, SyncRunLock lock, RunSlots slots,
                    SyncStateRepository state, SyncLogRepository logs, RunFence fence, SyncSources sources,
                    TransactionTemplate transaction, ObjectProvider<SyncRunListener> listeners) {
        this.properties = properties;
        this.resources = resources;
        this.lock = lock;
        this.slots = slots;
        this.state = state;
        this.logs = logs;
        this.fence = fence;
        this.sources = sources;
        this.transaction = transaction;
        this.listeners = listeners.orderedStream().toList();
    }

    /** {@link #begin(String, String, String)} for the default sync. */
    public SyncRun begin(String mode, String trigger) {
        return begin(resources.defaultResource().name(), mode, trigger);
    }

    /**
     * Takes the sync's run lock, closes its logs of runs that died, plans the run from sync_state and opens its
     * RUNNING log.
     *
     * @throws SyncAlreadyRunningException when a run of this sync holds the lock, here or on another instance
     */
    public SyncRun begin(String sync, String mode, String trigger) {
        SyncResource resource = resources.named(sync);
        SyncMode requested = SyncMode.parse(mode);
        SyncTrigger triggeredBy = SyncTrigger.valueOf(trigger);
        if (!lock.tryAcquire(resource.stateName())) {
            throw new SyncAlreadyRunningException(resource.name(), runningLogId(resource));
        }
        try {
            UnrecordedFailure failure = unrecordedFailures.get(resource.name());
            Opened opened = transaction.execute(status -> open(resource, requested, triggeredBy, failure));
            if (failure != null) {
                unrecordedFailures.remove(resource.name(), failure);
            }
            SyncRun run = opened.run();
            log.info("Sync {} started: {} of {} ({}), trigger {}{}", run.logId(), run.type(), resource.name(),
                    describeStart(run), run.trigger(), opened.resuming() == null ? "" : ", " + opened.resuming());
            notifyListeners(run, listener -> listener.started(run));
            return run;
        } catch (SyncSourceMismatchException e) {
            long logId = logs.insertRefused(resource.name(), e.refusedType(), triggeredBy, e.getMessage(), instanceId);
            log.error("{} (sync_logs id {})", e.getMessage(), logId);
            lock.release(resource.stateName());
            throw e;
        } catch (RuntimeException e) {
            lock.release(resource.stateName());
            throw e;
        }
    }

    /** The run route's first step: waits while sync.max-concurrent-runs runs of other syncs carry out here. */
    public void awaitSlot(SyncRun run) throws InterruptedException {
        slots.take(run);
    }

    /**
     * At start-up, for every sync: its sync_state row exists, and a RUNNING log with no run holding its lock belongs
     * to a process that died.
     */
    @EventListener(ApplicationStartedEvent.class)
    public void closeInterruptedRuns() {
        for (SyncResource resource : resources.all()) {
            state.createIfMissing(resource.stateName());
            if (!lock.tryAcquire(resource.stateName())) {
                continue;
            }
            try {
                int closed = logs.closeInterrupted(resource.name());
                if (closed > 0) {
                    log.warn("Closed {} sync log(s) of {} left RUNNING by a stopped process as FAILED (interrupted); "
                            + "the next run resumes from the checkpoint", closed, resource.name());
                }
            } finally {
                lock.release(resource.stateName());
            }
        }
    }

    public void pageFetched(SyncRun run, OraclePage<?> page) {
        run.pageFetched(page.items().size(), page.more(), page.totalResults());
    }

    public void pagePrepared(SyncRun run, PreparedPage page) {
        run.pagePrepared(page);
    }

    public void batchWritten(SyncRun run, Map<String, Object> counts) {
        run.batchWritten(counts);
    }

    public void reconciled(SyncRun run, Map<String, Object> counts) {
        run.reconciled(counts);
    }

    public void pageCommitted(SyncRun run) {
        run.pageCommitted();
        SyncRun whole = run.root();
        notifyListeners(whole, listener -> listener.pageCommitted(whole));
    }

    /**
     * Every request of a run first waits while Oracle has asked it to (a 429's Retry-After on any slice), so that one
     * slice's 429 slows the others too instead of letting them hammer a throttled tenant.
     */
    public void awaitOracle(SyncRun run) throws InterruptedException {
        while (true) {
            long wait = Duration.between(Instant.now(), run.oraclePausedUntil()).toNanos();
            if (wait <= 0 || run.ended()) {
                return;
            }
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for Oracle's Retry-After");
            }
        }
    }

    /** A slice read to its end and recorded it: the run resumes it no more. */
    public void sliceDone(SyncRun slice) {
        slice.markSliceDone();
        log.debug("Sync {}: slice {} done after {} pages", slice.logId(), slice.slice().number(), slice.pages());
    }

    /** A slice's failure: kept for the run, which stops its other slices at their next page and then fails with it. */
    public void sliceFailed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        SyncRun slice = exchange.getProperty("syncRun", SyncRun.class);
        slice.root().sliceFailed(cause, exchange.getProperty(OracleRetryState.PROPERTY, OracleRetryState.class));
        log.warn("Sync {}: slice {} stopped after {} pages ({}); the other slices stop at their next page",
                slice.logId(), slice.slice().number(), slice.pages(), cause == null ? "no cause" : cause.toString());
    }

    /** After the split of a parallel run: every slice has stopped; the first failure of one fails the run here. */
    public void slicesFinished(SyncRun run, Exchange exchange) throws Exception {
        Exception failure = run.sliceFailure();
        if (failure == null) {
            return;
        }
        if (run.sliceFailureRetries() != null) {
            exchange.setProperty(OracleRetryState.PROPERTY, run.sliceFailureRetries());
        }
        throw failure;
    }

    public void completed(SyncRun run) {
        end(run);
        double seconds = Math.max(0.001, run.elapsed().toMillis() / 1000.0);
        if (run.type() == SyncType.RECONCILE) {
            log.info("Reconcile {} {}: Oracle returned {} ids in {} pages; {} rows marked deleted, {} restored, "
                            + "in {} s ({})", run.logId(), run.status(), run.fetched(), run.pages(), run.deletedRecords(),
                    run.restoredRecords(), String.format("%.1f", seconds), run.syncName());
        } else {
            log.info("Sync {} {}: {} fetched ({} new, {} updated, {} unchanged, {} skipped as stale, {} failed) in {} "
                            + "pages, {} s, {} records/s; watermark {} ({})",
                    run.logId(), run.status(), run.fetched(), run.newRecords(), run.updatedRecords(),
                    run.unchangedRecords(), run.skippedStaleRecords(), run.failedRecords(), run.pages(),
                    String.format("%.1f", seconds),
                    Math.round(run.fetched() / seconds), run.resource().describe(run.newWatermark()), run.syncName());
            if (run.problems() != null) {
                log.warn("Sync {} PARTIAL: {}", run.logId(), run.problems());
            }
        }
        notifyListeners(run, listener -> listener.completed(run));
    }

    /** The route's failure step: closes the log as FAILED with an actionable message, keeps the checkpoint. */
    public void failed(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        SyncRun run = exchange.getProperty("syncRun", SyncRun.class);
        if (run == null) {
            // begin() logged it already, whatever the trigger
            if (ObjectHelper.getException(SyncSourceMismatchException.class, cause) == null) {
                log.error("Sync could not start: {}", SyncFailures.describe(cause, "Oracle"));
            }
            return;
        }
        String message = SyncFailures.describe(cause, run.resource().resourceUrl(),
                exchange.getProperty(OracleRetryState.PROPERTY, OracleRetryState.class));
        try {
            logs.markFailed(run.logId(), message);
        } catch (RuntimeException e) {
            unrecordedFailures.put(run.syncName(), new UnrecordedFailure(run.logId(), message));
            log.error("Could not mark sync {} as FAILED in sync_logs ({}); the next run records it",
                    run.logId(), e.getMessage());
        } finally {
            end(run);
        }
        if (run.type() == SyncType.RECONCILE) {
            log.error("Reconcile {} FAILED after {} pages ({} ids of {} read): {}. A reconcile does not resume: the next "
                    + "one reads every id again", run.logId(), run.pages(), run.fetched(), run.syncName(), message);
        } else {
            log.error("Sync {} FAILED after {} pages ({} records of {} committed): {}{}", run.logId(), run.pages(),
                    run.fetched(), run.syncName(), message,
                    message.contains("resumes") ? "" : ". The next run resumes from the checkpoint.");
        }
        notifyListeners(run, listener -> listener.failed(run, message));
    }

    /** Ends the run: gives back its slot and its lock. */
    private void end(SyncRun run) {
        if (run.end()) {
            slots.giveBack();
        }
        lock.release(run.stateName());
    }

    private void notifyListeners(SyncRun run, Consumer<SyncRunListener> event) {
        for (SyncRunListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.warn("Sync {}: {} failed to follow the run ({}); the run goes on", run.logId(),
                        listener.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /**
     * The log of the run that holds the lock. A run that took the lock a moment ago commits its RUNNING row a few
     * milliseconds later, so a trigger at the same moment waits briefly for it rather than answer without an id.
     */
    private Long runningLogId(SyncResource resource) {
        long deadline = System.nanoTime() + RUNNING_LOG_WAIT.toNanos();
        while (true) {
            Optional<Long> running = logs.runningId(resource.name());
            if (running.isPresent() || System.nanoTime() > deadline || !lock.isHeldAnywhere(resource.stateName())) {
                return running.orElse(null);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private Opened open(SyncResource resource, SyncMode requested, SyncTrigger trigger, UnrecordedFailure failure) {
        if (failure != null) {
            logs.markFailed(failure.logId(), failure.message());
        }
        state.createIfMissing(resource.stateName());
        // it waits for a transaction of a run whose lock session died, and fences that run off
        long token = fence.claim(resource.stateName());
        logs.closeInterrupted(resource.name());
        SyncState current = sources.bind(resource, requested, state.load(resource.stateName()));
        SyncPlan plan = SyncPlan.of(requested, current, properties.overlap());
        long logId = logs.insertRunning(resource.name(), plan.type(), trigger, plan.from(), instanceId);
        VisibilityGuard guard = plan.type() == SyncType.FULL && !plan.resumed()
                ? new VisibilityGuard(state.activeRecords(resource), properties.visibilityGuardShare(), resource.itemName())
                : VisibilityGuard.OFF;
        SyncRun run = new SyncRun(resource, logId, trigger, plan, current.watermark(), guard);
        run.fence(token);
        if (plan.type() != SyncType.RECONCILE) {
            // a RECONCILE keeps the checkpoint of an unfinished sync, which the next sync resumes
            state.startRun(resource.stateName(), run);
        }
        return new Opened(run, plan.resumed() ? resuming(current.checkpointLogId()) : null);
    }

    /** Only a run whose log was left RUNNING by a process that stopped was interrupted; others failed. */
    private String resuming(Long checkpointLogId) {
        Optional<String> status = checkpointLogId == null ? Optional.empty() : logs.outcome(checkpointLogId);
        if (status.isEmpty()) {
            return "resuming an unfinished run from its checkpoint";
        }
        return status.get().equals(SyncLogRepository.INTERRUPTED_OUTCOME)
                ? "resuming run " + checkpointLogId + ", which was interrupted, from its checkpoint"
                : "resuming from the checkpoint of run " + checkpointLogId + ", which ended " + status.get();
    }

    private record Opened(SyncRun run, String resuming) {
    }

    private record UnrecordedFailure(long logId, String message) {
    }

    private static String describeStart(SyncRun run) {
        KeysetPosition cursor = run.cursor();
        if (cursor != null) {
            return "after " + run.resource().describe(cursor);
        }
        return run.watermarkFrom() == null ? "all records"
                : run.resource().cursorField() + " >= " + run.watermarkFrom();
    }
}
