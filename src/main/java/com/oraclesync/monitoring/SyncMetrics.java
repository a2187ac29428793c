package com.oraclesync.monitoring;

import com.oraclesync.resource.SyncResource;
import com.oraclesync.resource.SyncResources;
import com.oraclesync.sync.SyncRun;
import com.oraclesync.sync.SyncRunLock;
import com.oraclesync.sync.SyncRunListener;
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
 * oracle_sync_records_{fetched,new,updated,failed}_total{sync}   oracle_sync_pages_fetched_total{sync}
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
        counters.get(run.syncName()).started();
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

    /** One sync's counters, and the totals of its current run already counted. */
    private static final class Counters {
        private final Counter fetched;
        private final Counter newRecords;
        private final Counter updated;
        private final Counter failed;
        private final Counter pages;
        private Totals recorded = Totals.NONE;

        Counters(MeterRegistry registry, String sync) {
            fetched = counter(registry, sync, "oracle.sync.records.fetched", "Records read from Oracle and committed");
            newRecords = counter(registry, sync, "oracle.sync.records.new", "Records inserted into the sync's table");
            updated = counter(registry, sync, "oracle.sync.records.updated",
                    "Records whose newer version replaced a stored one");
            failed = counter(registry, sync, "oracle.sync.records.failed",
                    "Records that could not be stored (see sync_errors)");
            pages = counter(registry, sync, "oracle.sync.pages.fetched", "Oracle pages fetched and committed");
        }

        synchronized void started() {
            recorded = Totals.NONE;
        }

        synchronized void pageCommitted(SyncRun run) {
            Totals now = Totals.of(run);
            fetched.increment(now.fetched() - recorded.fetched());
            newRecords.increment(now.newRecords() - recorded.newRecords());
            updated.increment(now.updated() - recorded.updated());
            failed.increment(now.failed() - recorded.failed());
            pages.increment(now.pages() - recorded.pages());
            recorded = now;
        }

        private static Counter counter(MeterRegistry registry, String sync, String name, String description) {
            return Counter.builder(name).description(description).tag("sync", sync).register(registry);
        }
    }

    private record Totals(long fetched, long newRecords, long updated, long failed, long pages) {
        static final Totals NONE = new Totals(0, 0, 0, 0, 0);

        static Totals of(SyncRun run) {
            return new Totals(run.fetched(), run.newRecords(), run.updatedRecords(), run.failedRecords(), run.pages());
        }
    }
}
