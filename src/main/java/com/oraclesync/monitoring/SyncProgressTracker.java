package com.oraclesync.monitoring;

import com.oraclesync.sync.SyncProperties;
import com.oraclesync.sync.SyncRun;
import com.oraclesync.sync.SyncRunListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Follows the runs of this instance: their progress for the status answer, and one log line every N pages. */
@Component
public class SyncProgressTracker implements SyncRunListener {

    private static final Logger log = LoggerFactory.getLogger(SyncProgressTracker.class);
    private static final int RATE_WINDOW_PAGES = 10;

    private final int logEveryPages;
    private final Map<Long, Tracked> runs = new HashMap<>();

    public SyncProgressTracker(SyncProperties properties) {
        this.logEveryPages = properties.progressLogEveryPages();
    }

    @Override
    public synchronized void started(SyncRun run) {
        Tracked tracked = new Tracked();
        tracked.window.addLast(new Sample(run.startedAt(), 0));
        tracked.current = new Snapshot(run.logId(), run.startedAt(), 0, 0, null, null, run.startedAt(), null);
        runs.put(run.logId(), tracked);
    }

    @Override
    public synchronized void pageCommitted(SyncRun run) {
        if (!runs.containsKey(run.logId())) {
            started(run);
        }
        Tracked tracked = runs.get(run.logId());
        Deque<Sample> window = tracked.window;
        Instant now = Instant.now();
        window.addLast(new Sample(now, run.fetched()));
        while (window.size() > RATE_WINDOW_PAGES + 1) {
            window.removeFirst();
        }
        Sample oldest = window.getFirst();
        double seconds = Duration.between(oldest.at(), now).toMillis() / 1000.0;
        Double rate = seconds <= 0 ? null : (run.fetched() - oldest.fetched()) / seconds;
        List<SliceProgress> slices = run.sliced() ? run.slices().stream().map(SliceProgress::of).toList() : null;
        tracked.current = new Snapshot(run.logId(), run.startedAt(), run.pages(), run.fetched(), run.totalResults(),
                rate, now, slices);
        if (run.pages() % logEveryPages == 0) {
            log.info("Sync {}: {} pages, {}", run.logId(), run.pages(), describe(tracked.current.toProgress(now)));
        }
    }

    @Override
    public synchronized void completed(SyncRun run) {
        forget(run);
    }

    @Override
    public synchronized void failed(SyncRun run, String message) {
        forget(run);
    }

    /** The progress of the run, if this instance carries it out. */
    public synchronized Optional<SyncProgress> current(long logId) {
        return Optional.ofNullable(runs.get(logId)).map(tracked -> tracked.current.toProgress(Instant.now()));
    }

    private void forget(SyncRun run) {
        runs.remove(run.logId());
    }

    private static final class Tracked {
        private final Deque<Sample> window = new ArrayDeque<>();
        private Snapshot current;
    }

    private static String describe(SyncProgress progress) {
        StringBuilder line = new StringBuilder().append(progress.recordsSoFar());
        if (progress.estimatedTotal() != null && progress.estimatedTotal() > 0) {
            line.append(" of about ").append(progress.estimatedTotal()).append(" records (")
                    .append(Math.min(100, progress.recordsSoFar() * 100 / progress.estimatedTotal())).append(" %)");
        } else {
            line.append(" records");
        }
        if (progress.recordsPerSecond() != null) {
            line.append(", ").append(Math.round(progress.recordsPerSecond())).append(" records/s");
        }
        if (progress.etaSeconds() != null) {
            line.append(", about ").append(Duration.ofSeconds(progress.etaSeconds()).toString().substring(2)
                    .toLowerCase()).append(" to go");
        }
        if (progress.slices() != null) {
            line.append("; slices ").append(progress.slices().stream().map(SliceProgress::toString)
                    .collect(Collectors.joining("; ")));
        }
        return line.toString();
    }

    private record Sample(Instant at, long fetched) {
    }

    private record Snapshot(long logId, Instant startedAt, int pages, long fetched, Long estimatedTotal,
                            Double rate, Instant at, List<SliceProgress> slices) {

        SyncProgress toProgress(Instant now) {
            Long eta = null;
            if (estimatedTotal != null && rate != null && rate > 0) {
                long remaining = Math.max(0, estimatedTotal - fetched);
                long sinceSnapshot = Duration.between(at, now).toSeconds();
                eta = Math.max(0, (long) Math.ceil(remaining / rate) - sinceSnapshot);
            }
            Double rounded = rate == null ? null : Math.round(rate * 10) / 10.0;
            return new SyncProgress(logId, pages, fetched, estimatedTotal, rounded, eta,
                    Duration.between(startedAt, now).toSeconds(), slices);
        }
    }
}
