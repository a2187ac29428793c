package com.oraclesync.sync;

import com.oraclesync.mapping.MappedItem;
import com.oraclesync.oracle.OraclePage;
import com.oraclesync.oracle.OracleRequests;
import com.oraclesync.oracle.OracleRetryState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Splits a run's keyset range into {@code sync.parallelism} slices of about the same number of records, the route's
 * {@code slicePlanner} bean. Oracle's data is not spread evenly over time (a migration stamps thousands of records
 * with one LastUpdateDate, a quiet year holds few), so the bounds are found by count: Oracle's {@code totalResults}
 * of {@code LastUpdateDate < t}, searched for each bound at once by interpolation with bisection as a fallback, in
 * whole seconds. A count is only a plan: every slice still pages until Oracle says there is no more, and the last
 * slice has no upper bound. A window of a few pages is read sequentially (an INCREMENTAL run's planning request is
 * its first page, so such a run asks Oracle nothing more than a sequential one); a resumed run takes its slices back
 * from sync_state_slices, and one that stopped before it committed anything is planned again.
 */
@Component("slicePlanner")
public class SlicePlanner {

    private static final Logger log = LoggerFactory.getLogger(SlicePlanner.class);
    /** A slice should be worth its requests: fewer pages than this per slice means fewer slices. */
    static final int MIN_PAGES_PER_SLICE = 2;
    private static final int MAX_COUNT_REQUESTS_PER_BOUND = 24;

    private final SyncProperties properties;
    private final RunSliceRepository slices;
    private final RunFence fence;
    private final TransactionTemplate transaction;
    private final ProducerTemplate producer;
    private final CamelContext camel;
    private final ExecutorService executor;

    public SlicePlanner(SyncProperties properties, RunSliceRepository slices, RunFence fence,
                        TransactionTemplate transaction, ProducerTemplate producer, CamelContext camel,
                        SliceWorkers workers) {
        this.properties = properties;
        this.slices = slices;
        this.fence = fence;
        this.transaction = transaction;
        this.producer = producer;
        this.camel = camel;
        this.executor = workers.executor();
    }

    /** The run route's step before paging: makes the run a parallel one when it is worth it. */
    public void plan(SyncRun run, Exchange exchange) throws Exception {
        if (run.type() == SyncType.RECONCILE) {
            return;
        }
        if (run.resumed()) {
            List<SyncRun> resumed = slices.load(run);
            if (!resumed.isEmpty()) {
                run.slicesPlanned(resumed);
                log.info("Sync {}: resuming {} of its {} slices from their checkpoints", run.logId(),
                        run.unfinishedSlices().size(), resumed.size());
                return;
            }
            if (run.cursor() != null) {
                return; // a sequential run's checkpoint: it goes on sequentially
            }
        }
        int parallelism = properties.parallelism();
        if (parallelism < 2) {
            return;
        }
        OracleRequests requests = camel.getRegistry().lookupByNameAndType(run.syncName() + "Requests",
                OracleRequests.class);
        OffsetDateTime from = run.watermarkFrom();
        // an INCREMENTAL window is mostly a page or two: its first page tells the count (it asks for totalResults)
        // and is then the first page of the sequential read, which saves a round trip to Oracle on every such run;
        // a FULL run asks for one item only, since it is read in slices but for the smallest data
        boolean firstPageCounts = run.type() == SyncType.INCREMENTAL;
        Exchange answer = send(run, exchange, firstPageCounts ? null : requests.countQuery(from, null));
        OraclePage<MappedItem> first = page(answer);
        Long total = first.totalResults();
        int pageSize = run.resource().pageSize();
        int count = total == null ? 1 : (int) Math.min(parallelism, total / ((long) MIN_PAGES_PER_SLICE * pageSize));
        if (count < 2 || first.items().isEmpty() || first.items().get(0).position() == null) {
            if (firstPageCounts) {
                PageAhead ahead = new PageAhead();
                ahead.arrived(new PrefetchedPage(first, null,
                        answer.getProperty(OracleRetryState.PROPERTY, OracleRetryState.class)));
                run.prefetchStarted(ahead);
            }
            log.info("Sync {}: {} records to read, sequentially", run.logId(), total == null ? "an unknown number of"
                    : total);
            return;
        }
        long low = first.items().get(0).position().updatedAt().toEpochSecond();
        // the newest record is about now: asking Oracle for it would cost a round trip (and a descending sort); a
        // record beyond it (a clock ahead of ours) only skews the balance, since the last slice has no upper bound
        long high = Math.max(low + 2, Instant.now().getEpochSecond() + 1);
        long tolerance = Math.max(pageSize, total / (count * 20L));
        List<CompletableFuture<Long>> searches = new ArrayList<>();
        for (int k = 1; k < count; k++) {
            long target = total * k / count;
            searches.add(async(() -> bound(run, exchange, requests, from, low, high, total, target, tolerance)));
        }
        TreeSet<Long> bounds = new TreeSet<>();
        for (CompletableFuture<Long> search : searches) {
            long bound = join(search);
            if (bound > low && bound < high) {
                bounds.add(bound);
            }
        }
        List<RunSlice> planned = new ArrayList<>();
        OffsetDateTime sliceFrom = from;
        for (long bound : bounds) {
            OffsetDateTime to = OffsetDateTime.ofInstant(Instant.ofEpochSecond(bound), ZoneOffset.UTC);
            planned.add(new RunSlice(planned.size() + 1, sliceFrom, to));
            sliceFrom = to;
        }
        planned.add(new RunSlice(planned.size() + 1, sliceFrom, null));
        transaction.executeWithoutResult(status -> {
            fence.check(run);
            slices.insert(run, planned);
        });
        List<SyncRun> sliceRuns = planned.stream().map(slice -> run.slice(slice, null, false)).toList();
        run.estimatedTotal(total);
        run.slicesPlanned(sliceRuns);
        log.info("Sync {}: {} records in {} slices read at once, bounds {}", run.logId(), total, planned.size(),
                planned.stream().map(slice -> String.valueOf(slice.to())).limit(planned.size() - 1L).toList());
    }

    /**
     * The second t in (low, high) with about {@code target} records before it: the Illinois variant of regula falsi on
     * count(t) - target, which keeps converging where records crowd into a short span, with a plain bisection every
     * fourth request as a floor.
     */
    private long bound(SyncRun run, Exchange exchange, OracleRequests requests, OffsetDateTime from, long low,
                       long high, long total, long target, long tolerance) throws Exception {
        long lo = low;
        long hi = high;
        double loExcess = -target;
        double hiExcess = total - target;
        int keptSide = 0;
        for (int attempt = 1; attempt <= MAX_COUNT_REQUESTS_PER_BOUND && hi - lo > 1; attempt++) {
            long guess = attempt % 4 == 0 ? lo + (hi - lo) / 2
                    : Math.round((lo * hiExcess - hi * loExcess) / (hiExcess - loExcess));
            guess = Math.max(lo + 1, Math.min(hi - 1, guess));
            OffsetDateTime before = OffsetDateTime.ofInstant(Instant.ofEpochSecond(guess), ZoneOffset.UTC);
            Long counted = request(run, exchange, requests.countQuery(from, before)).totalResults();
            if (counted == null) {
                break;
            }
            double excess = counted - target;
            if (Math.abs(excess) <= tolerance) {
                return guess;
            }
            if (excess < 0) {
                lo = guess;
                loExcess = excess;
                hiExcess = keptSide == -1 ? hiExcess / 2 : hiExcess;
                keptSide = -1;
            } else {
                hi = guess;
                hiExcess = excess;
                loExcess = keptSide == 1 ? loExcess / 2 : loExcess;
                keptSide = 1;
            }
        }
        return -loExcess <= hiExcess ? lo : hi;
    }

    /** A count request through the run's own fetch route; its failure fails the run with its retries. */
    private OraclePage<MappedItem> request(SyncRun run, Exchange runExchange, String query) throws Exception {
        return page(send(run, runExchange, query));
    }

    @SuppressWarnings("unchecked")
    private static OraclePage<MappedItem> page(Exchange answer) {
        return answer.getMessage().getBody(OraclePage.class);
    }

    /** A count request, or with no query the run's next page, through the run's own fetch route. */
    private Exchange send(SyncRun run, Exchange runExchange, String query) throws Exception {
        Exchange answer = producer.send("direct:sync-" + run.syncName() + "-fetch-page", exchange -> {
            exchange.setProperty("syncRun", run);
            exchange.setProperty("countQuery", query);
        });
        if (answer.getException() != null) {
            Object retries = answer.getProperty(OracleRetryState.PROPERTY);
            if (retries != null) {
                runExchange.setProperty(OracleRetryState.PROPERTY, retries);
            }
            throw answer.getException();
        }
        return answer;
    }

    private <T> CompletableFuture<T> async(Request<T> request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return request.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    private static <T> T join(CompletableFuture<T> future) throws Exception {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @FunctionalInterface
    private interface Request<T> {
        T call() throws Exception;
    }
}
