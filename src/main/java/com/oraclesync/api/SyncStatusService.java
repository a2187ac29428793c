package com.oraclesync.api;

import com.oraclesync.monitoring.SyncProgress;
import com.oraclesync.monitoring.SyncProgressTracker;
import com.oraclesync.sync.SyncProperties;
import com.oraclesync.sync.SyncRun;
import com.oraclesync.sync.SyncRunLock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/** The sync's status, history and skipped records, for the API routes and the JMX status operation. */
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
    private final String syncName;

    public SyncStatusService(SyncReports reports, SyncRunLock lock, SyncProgressTracker progress,
                             ApiParameters parameters, SyncProperties properties) {
        this.reports = reports;
        this.lock = lock;
        this.progress = progress;
        this.parameters = parameters;
        this.syncName = properties.name();
    }

    public SyncStatusView status() {
        boolean running = lock.isHeldAnywhere();
        SyncLogView last = reports.lastLog().orElse(null);
        SyncLogView runningLog = running && last != null && "RUNNING".equals(last.status()) ? last : null;
        SyncStateView state = reports.state(syncName);
        return new SyncStatusView(running, runningLog == null ? null : runningLog.id(), last,
                runningLog == null ? null : progressOf(runningLog), state.watermark(), state.checkpoint(),
                state.lastSuccessAt(), state.totalRecords(), state.complete());
    }

    /** The answer to a trigger that started a run. */
    public SyncStartedView started(SyncRun run) {
        return SyncStartedView.of(run);
    }

    public PageView<SyncLogView> history(String limit, String offset) {
        int pageLimit = parameters.limit(limit, HISTORY_DEFAULT_LIMIT, HISTORY_MAX_LIMIT);
        int pageOffset = parameters.offset(offset);
        return new PageView<>(reports.latestLogs(pageLimit, pageOffset), reports.countLogs(), pageLimit, pageOffset);
    }

    /** The records that a run (default: the latest) could not store, oldest first. */
    public PageView<SyncErrorView> errors(String run, String limit, String offset) {
        int pageLimit = parameters.limit(limit, ERRORS_DEFAULT_LIMIT, ERRORS_MAX_LIMIT);
        int pageOffset = parameters.offset(offset);
        long runId;
        if (run == null || run.isBlank()) {
            runId = reports.lastLog().map(SyncLogView::id)
                    .orElseThrow(() -> new NotFoundException("No sync has run yet"));
        } else {
            runId = parameters.id("run", run);
            if (!reports.logExists(runId)) {
                throw new NotFoundException("No sync run with sync_logs id " + runId);
            }
        }
        return new PageView<>(reports.errorsOfRun(runId, pageLimit, pageOffset), reports.countErrorsOfRun(runId),
                pageLimit, pageOffset);
    }

    /** This instance's own run has the estimate and the current rate; another instance's shows its committed totals. */
    private SyncProgress progressOf(SyncLogView runningLog) {
        return progress.current()
                .filter(local -> local.syncLogId() == runningLog.id())
                .orElseGet(() -> {
                    long elapsed = Duration.between(runningLog.startedAt(), OffsetDateTime.now()).toSeconds();
                    Double rate = elapsed <= 0 ? null : BigDecimal.valueOf(runningLog.totalFetched())
                            .divide(BigDecimal.valueOf(elapsed), 1, RoundingMode.HALF_UP).doubleValue();
                    return new SyncProgress(runningLog.id(), runningLog.pages(), runningLog.totalFetched(), null, rate,
                            null, elapsed);
                });
    }
}
