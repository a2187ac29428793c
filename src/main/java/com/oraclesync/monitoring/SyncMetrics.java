package com.oraclesync.monitoring;

import com.oraclesync.sync.SyncProperties;
import com.oraclesync.sync.SyncRun;
import com.oraclesync.sync.SyncRunLock;
import com.oraclesync.sync.SyncRunListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * The sync's own metrics. Counters grow as pages commit, so a scrape during a long run shows its progress; the
 * gauges read sync_state, so every instance reports the state that all instances share.
 * <pre>
 * oracle_sync_records_{fetched,new,updated,failed}_total   oracle_sync_pages_fetched_total
 * oracle_sync_run_duration_seconds{type,status,trigger}    oracle_sync_running
 * oracle_sync_last_success_timestamp_seconds               oracle_sync_watermark_lag_seconds
 * </pre>
 */
@Component
public class SyncMetrics implements SyncRunListener {

    private final MeterRegistry registry;
    private final SyncStateTimes stateTimes;
    private final String syncName;
    private final Counter fetched;
    private final Counter newRecords;
    private final Counter updated;
    private final Counter failed;
    private final Counter pages;
    private Totals recorded = Totals.NONE;

    public SyncMetrics(MeterRegistry registry, SyncStateTimes stateTimes, SyncProperties properties, SyncRunLock lock) {
        this.registry = registry;
        this.stateTimes = stateTimes;
        this.syncName = properties.name();
        this.fetched = counter("oracle.sync.records.fetched", "Records read from Oracle and committed");
        this.newRecords = counter("oracle.sync.records.new", "Records inserted into opportunities");
        this.updated = counter("oracle.sync.records.updated", "Records whose newer version replaced a stored one");
        this.failed = counter("oracle.sync.records.failed", "Records that could not be stored (see sync_errors)");
        this.pages = counter("oracle.sync.pages.fetched", "Oracle pages fetched and committed");
        Gauge.builder("oracle.sync.running", lock, held -> held.isHeldAnywhere() ? 1 : 0)
                .description("1 while a run is in progress on any instance sharing the database")
                .register(registry);
        Gauge.builder("oracle.sync.last.success.timestamp", this, SyncMetrics::lastSuccessEpochSeconds)
                .description("When the last successful (SUCCESS or PARTIAL) run ended, in Unix time")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("oracle.sync.watermark.lag", this, SyncMetrics::watermarkLagSeconds)
                .description("How far the committed watermark (Oracle's LastUpdateDate) is behind the clock")
                .baseUnit("seconds")
                .register(registry);
    }

    @Override
    public synchronized void started(SyncRun run) {
        recorded = Totals.NONE;
    }

    @Override
    public synchronized void pageCommitted(SyncRun run) {
        Totals now = Totals.of(run);
        fetched.increment(now.fetched() - recorded.fetched());
        newRecords.increment(now.newRecords() - recorded.newRecords());
        updated.increment(now.updated() - recorded.updated());
        failed.increment(now.failed() - recorded.failed());
        pages.increment(now.pages() - recorded.pages());
        recorded = now;
    }

    @Override
    public void completed(SyncRun run) {
        recordDuration(run, run.failedRecords() > 0 ? "PARTIAL" : "SUCCESS");
    }

    @Override
    public void failed(SyncRun run, String message) {
        recordDuration(run, "FAILED");
    }

    private void recordDuration(SyncRun run, String status) {
        Timer.builder("oracle.sync.run.duration")
                .description("How long runs take, by type, outcome and trigger")
                .tag("type", run.type().name())
                .tag("status", status)
                .tag("trigger", run.trigger().name())
                .register(registry)
                .record(run.elapsed());
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    private double lastSuccessEpochSeconds() {
        OffsetDateTime at = readState().lastSuccessAt();
        return at == null ? Double.NaN : at.toInstant().toEpochMilli() / 1000.0;
    }

    private double watermarkLagSeconds() {
        OffsetDateTime watermark = readState().watermark();
        return watermark == null ? Double.NaN : Duration.between(watermark, OffsetDateTime.now()).toMillis() / 1000.0;
    }

    private SyncStateTimes.Times readState() {
        return stateTimes.read(syncName);
    }

    private record Totals(long fetched, long newRecords, long updated, long failed, long pages) {
        static final Totals NONE = new Totals(0, 0, 0, 0, 0);

        static Totals of(SyncRun run) {
            return new Totals(run.fetched(), run.newRecords(), run.updatedRecords(), run.failedRecords(), run.pages());
        }
    }
}
