package com.oraclesync.monitoring;

import com.oraclesync.resource.SyncResource;
import com.oraclesync.resource.SyncResources;
import com.oraclesync.sync.RunTotals;
import com.oraclesync.sync.SyncRun;
import com.oraclesync.sync.SyncRunLock;
import com.oraclesync.sync.SyncRunListener;
import com.oraclesync.sync.SyncType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The syncs' own metrics, each with a {@code sync} label (the resource's name). Counters grow as pages commit, so a
 * scrape during a long run shows its progress; the gauges read sync_state, so every instance reports the state
 * that all instances share.
 * <pre>
 * oracle_sync_records_{fetched,new,updated,unchanged,skipped_stale,failed}_total{sync,mode}
 * oracle_sync_pages_fetched_total{sync,mode}                      (mode: sync, or reconcile for RECONCILE's id scan)
 * oracle_sync_run_duration_seconds{sync,type,status,trigger}     oracle_sync_running{sync}
 * oracle_sync_last_success_timestamp_seconds{sync}               oracle_sync_watermark_lag_seconds{sync}
 * </pre>
 */
@Component
public class SyncMetrics implements SyncRunListener {

    private final MeterRegistry registry;
    private final SyncStateTimes stateTimes;
    private final Map<String, Counters> counters = new HashMap<>();

    public SyncMetrics(MeterRegistry registry, SyncStateTimes stateTimes, SyncResources resources, SyncRunLock lock) {
        this.registry = registry;
        this.stateTimes = stateTimes;
        for (SyncResource resource : resources.all()) {
            String sync = resource.name();
            String stateName = resource.stateName();
            counters.put(sync, new Counters(registry, sync));
            Gauge.builder("oracle.sync.running", lock, held -> held.isHeldAnywhere(stateName) ? 1 : 0)
                    .description("1 while a run of the sync is in progress on any instance sharing the database")
                    .tag("sync", sync)
                    .register(registry);
            Gauge.builder("oracle.sync.last.success.timestamp", this, metrics -> metrics.lastSuccessEpochSeconds(stateName))
                    .description("When the sync's last successful (SUCCESS or PARTIAL) run ended, in Unix time")
                    .tag("sync", sync)
                    .baseUnit("seconds")
                    .register(registry);
            Gauge.builder("oracle.sync.watermark.lag", this, metrics -> metrics.watermarkLagSeconds(stateName))
                    .description("How far the sync's committed watermark (Oracle's cursor field) is behind the clock")
                    .tag("sync", sync)
                    .baseUnit("seconds")
                    .register(registry);
        }
    }

    @Override
    public void started(SyncRun run) {
        counters.get(run.syncName()).started(run);
    }

    @Override
    public void pageCommitted(SyncRun run) {
        counters.get(run.syncName()).pageCommitted(run);
    }

    @Override
    public void completed(SyncRun run) {
        recordDuration(run, run.status());
    }

    @Override
    public void failed(SyncRun run, String message) {
        recordDuration(run, "FAILED");
    }

    private void recordDuration(SyncRun run, String status) {
        Timer.builder("oracle.sync.run.duration")
                .description("How long runs take, by sync, type, outcome and trigger")
                .tag("sync", run.syncName())
                .tag("type", run.type().name())
                .tag("status", status)
                .tag("trigger", run.trigger().name())
                .register(registry)
                .record(run.elapsed());
    }

    private double lastSuccessEpochSeconds(String stateName) {
        OffsetDateTime at = stateTimes.read(stateName).lastSuccessAt();
        return at == null ? Double.NaN : at.toInstant().toEpochMilli() / 1000.0;
    }

    private double watermarkLagSeconds(String stateName) {
        OffsetDateTime watermark = stateTimes.read(stateName).watermark();
        return watermark == null ? Double.NaN : Duration.between(watermark, OffsetDateTime.now()).toMillis() / 1000.0;
    }

    /**
     * One sync's counters for each mode, and the totals of its current run already counted. A RECONCILE reads only
     * ids: its pages and ids go to the series with mode="reconcile", so that the records of the syncs stay apart.
     */
    private static final class Counters {
        private final ModeCounters sync;
        private final ModeCounters reconcile;
        private ModeCounters current;
        private RunTotals recorded = RunTotals.NONE;

        Counters(MeterRegistry registry, String sync) {
            this.sync = new ModeCounters(registry, sync, "sync");
            this.reconcile = new ModeCounters(registry, sync, "reconcile");
            this.current = this.sync;
        }

        synchronized void started(SyncRun run) {
            current = run.type() == SyncType.RECONCILE ? reconcile : sync;
            recorded = RunTotals.NONE;
        }

        synchronized void pageCommitted(SyncRun run) {
            RunTotals now = run.totals();
            current.add(now, recorded);
            recorded = now;
        }
    }

    private static final class ModeCounters {
        private final Counter fetched;
        private final Counter newRecords;
        private final Counter updated;
        private final Counter unchanged;
        private final Counter skippedStale;
        private final Counter failed;
        private final Counter pages;

        ModeCounters(MeterRegistry registry, String sync, String mode) {
            fetched = counter(registry, sync, mode, "oracle.sync.records.fetched",
                    "Records read from Oracle and committed (mode=reconcile: the ids a RECONCILE read)");
            newRecords = counter(registry, sync, mode, "oracle.sync.records.new", "Records inserted into the sync's table");
            updated = counter(registry, sync, mode, "oracle.sync.records.updated",
                    "Records whose newer version replaced a stored one");
            unchanged = counter(registry, sync, mode, "oracle.sync.records.unchanged",
                    "Records written again with the LastUpdateDate already stored");
            skippedStale = counter(registry, sync, mode, "oracle.sync.records.skipped.stale",
                    "Records held back because the table (or a later copy in the page) holds a newer version");
            failed = counter(registry, sync, mode, "oracle.sync.records.failed",
                    "Records that could not be stored (see sync_errors)");
            pages = counter(registry, sync, mode, "oracle.sync.pages.fetched", "Oracle pages fetched and committed");
        }

        void add(RunTotals now, RunTotals before) {
            fetched.increment(now.fetched() - before.fetched());
            newRecords.increment(now.newRecords() - before.newRecords());
            updated.increment(now.updated() - before.updated());
            unchanged.increment(now.unchanged() - before.unchanged());
            skippedStale.increment(now.skippedStale() - before.skippedStale());
            failed.increment(now.failed() - before.failed());
            pages.increment(now.pages() - before.pages());
        }

        private static Counter counter(MeterRegistry registry, String sync, String mode, String name,
                                       String description) {
            return Counter.builder(name).description(description).tag("sync", sync).tag("mode", mode).register(registry);
        }
    }
}
