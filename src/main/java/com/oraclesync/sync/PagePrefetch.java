package com.oraclesync.sync;

import com.oraclesync.oracle.OraclePage;
import com.oraclesync.oracle.OracleRetryState;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The next Oracle page, requested while the current one is written to PostgreSQL (a prefetch of one page): the route
 * wire-taps {@code sync-<name>-prefetch-page} right after a page is prepared, so the request starts from the end of
 * that page and never depends on the write, and pages still commit one by one, in order. The route's
 * {@code pagePrefetch} bean: it hands the tapped page over to the run's thread.
 */
@Component("pagePrefetch")
public class PagePrefetch {

    /**
     * Called on the run's thread before the tap, so that the next page's step knows a page is on its way.
     *
     * @return where the tapped route leaves its answer (the exchange property {@code prefetchedPage})
     */
    public PageAhead expect(SyncRun run) {
        PageAhead page = new PageAhead();
        run.prefetchStarted(page);
        return page;
    }

    /** The prefetch route's end: the page it fetched. */
    public void fetched(PageAhead page, Exchange exchange) {
        page.arrived(new PrefetchedPage(exchange.getMessage().getBody(OraclePage.class), null, retries(exchange)));
    }

    /** The prefetch route's failure: kept for the run's thread, which fails the run with it. */
    public void failed(PageAhead page, Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        page.arrived(new PrefetchedPage(null, failure, retries(exchange)));
    }

    /** The page requested ahead, once it is there; its failure fails the run here, with its retries. */
    public OraclePage<?> await(SyncRun run, Exchange exchange) throws Exception {
        PageAhead requested = run.takePrefetchedPage();
        if (requested == null) {
            throw new IllegalStateException("No page was requested ahead for " + run);
        }
        PrefetchedPage answer = requested.await();
        if (answer.retries() != null) {
            exchange.setProperty(OracleRetryState.PROPERTY, answer.retries());
        }
        if (answer.failure() != null) {
            throw answer.failure();
        }
        return answer.page();
    }

    private static OracleRetryState retries(Exchange exchange) {
        return exchange.getProperty(OracleRetryState.PROPERTY, OracleRetryState.class);
    }
}
