package com.oraclesync.api;

import com.oraclesync.monitoring.SyncProgress;
import com.oraclesync.monitoring.SyncProgressTracker;
import com.oraclesync.resource.SyncResource;
import com.oraclesync.resource.SyncResources;
import com.oraclesync.sync.SyncRun;
import com.oraclesync.sync.SyncRunLock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The status, history and skipped records of a sync (no name: the default one), and the list of every sync, for
 * the API routes and the JMX status operation.
 */
@Component("syncStatus")
public class SyncStatusService {

    static final int HISTORY_DEFAULT_LIMIT = 10;
    static final int HISTORY_MAX_LIMIT = 100;
    static final int ERRORS_DEFAULT_LIMIT = 100;
    static final int ERRORS_MAX_LIMIT = 1000;

    private final SyncReports reports;
    private final SyncRunLock lock;
    private final SyncProgressTracker progress;
    private final ApiParameters parameters;
    private final SyncResources resources;

    public SyncStatusService(SyncReports reports, SyncRunLock lock, SyncProgressTracker progress,
                             ApiParameters parameters, SyncResources resources) {
        this.reports = reports;
        this.lock = lock;
        this.progress = progress;
        this.parameters = parameters;
        this.resources = resources;
    }

    public SyncStatusView status(String sync) {
        SyncResource resource = parameters.sync(sync);
        boolean running = lock.isHeldAnywhere(resource.stateName());
        SyncLogView last = reports.lastLog(resource.name()).orElse(null);
        SyncLogView runningLog = running && last != null && "RUNNING".equals(last.status()) ? last : null;
        SyncStateView state = reports.state(resource);
        return new SyncStatusView(running, runningLog == null ? null : runningLog.id(), last,
                runningLog == null ? null : progressOf(runningLog, resource), state.watermark(), state.checkpoint(),
                state.lastSuccessAt(), state.totalRecords(), state.complete());
    }

    /** Every enabled sync: its name, whether it runs, its last run and its committed watermark. */
    public List<SyncSummaryView> syncs() {
        return resources.all().stream().map(resource -> {
            SyncStateView state = reports.state(resource);
            return new SyncSummaryView(resource.name(), lock.isHeldAnywhere(resource.stateName()),
                    reports.lastLog(resource.name()).orElse(null), state.watermark(), state.lastSuccessAt(),
                    state.totalRecords());
        }).toList();
    }

    /** The answer to a trigger that started a run. */
    public SyncStartedView started(SyncRun run) {
        String statusUrl = run.resource().equals(resources.defaultResource()) ? "/api/sync/status"
                : "/api/sync/status?sync=" + run.syncName();
        return SyncStartedView.of(run, statusUrl);
    }

    public PageView<SyncLogView> history(String sync, String limit, String offset) {
        SyncResource resource = parameters.sync(sync);
        int pageLimit = parameters.limit(limit, HISTORY_DEFAULT_LIMIT, HISTORY_MAX_LIMIT);
        int pageOffset = parameters.offset(offset);
        return new PageView<>(reports.latestLogs(resource.name(), pageLimit, pageOffset),
                reports.countLogs(resource.name()), pageLimit, pageOffset);
    }

    /** The records that a run of the sync (default: its latest) could not store, oldest first. */
    public PageView<SyncErrorView> errors(String sync, String run, String limit, String offset) {
        SyncResource resource = parameters.sync(sync);
        int pageLimit = parameters.limit(limit, ERRORS_DEFAULT_LIMIT, ERRORS_MAX_LIMIT);
        int pageOffset = parameters.offset(offset);
        long runId;
        if (run == null || run.isBlank()) {
            runId = reports.lastLog(resource.name()).map(SyncLogView::id)
                    .orElseThrow(() -> new NotFoundException("No sync has run yet"));
        } else {
            runId = parameters.id("run", run);
            if (!reports.logExists(resource.name(), runId)) {
                throw new NotFoundException("No sync run with sync_logs id " + runId);
            }
        }
        return new PageView<>(reports.errorsOfRun(runId, pageLimit, pageOffset), reports.countErrorsOfRun(runId),
                pageLimit, pageOffset);
    }

    /**
     * This instance's own run has the estimate and the current rate; another instance's shows its committed totals,
     * and its slices as sync_state_slices holds them.
     */
    private SyncProgress progressOf(SyncLogView runningLog, SyncResource resource) {
        return progress.current(runningLog.id())
                .orElseGet(() -> {
                    long elapsed = Duration.between(runningLog.startedAt(), OffsetDateTime.now()).toSeconds();
                    Double rate = elapsed <= 0 ? null : BigDecimal.valueOf(runningLog.totalFetched())
                            .divide(BigDecimal.valueOf(elapsed), 1, RoundingMode.HALF_UP).doubleValue();
                    return new SyncProgress(runningLog.id(), runningLog.pages(), runningLog.totalFetched(), null, rate,
                            null, elapsed, reports.slices(resource));
                });
    }
}
