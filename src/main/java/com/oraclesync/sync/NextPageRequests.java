package com.oraclesync.sync;

import com.oraclesync.oracle.OraclePage;
import com.oraclesync.oracle.OracleRetryState;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Fetches the next Oracle page while the current one is written to PostgreSQL (a prefetch of one page): the request
 * starts from the end of the prepared page, so it never depends on the write, and pages still commit one by one in
 * order, so the checkpoint stays exact. The route's {@code nextPageRequests} bean.
 */
@Component("nextPageRequests")
public class NextPageRequests {

    static final String FETCH_PAGE = "direct:sync-opportunities-fetch-page";

    private final ProducerTemplate producer;

    public NextPageRequests(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** Starts the request for the page after the one just prepared, if Oracle said there is one. */
    public void start(Exchange exchange) {
        SyncRun run = exchange.getProperty("syncRun", SyncRun.class);
        if (run.hasMore()) {
            run.nextPageRequested(producer.asyncSend(FETCH_PAGE, request -> request.setProperty("syncRun", run)));
        }
    }

    /** The next page: the one requested in the background, or requested now. */
    public OraclePage next(Exchange exchange) throws Exception {
        SyncRun run = exchange.getProperty("syncRun", SyncRun.class);
        CompletableFuture<Exchange> requested = run.takeNextPage();
        Exchange answered = requested != null ? await(requested)
                : producer.send(FETCH_PAGE, request -> request.setProperty("syncRun", run));
        OracleRetryState retries = answered.getProperty(OracleRetryState.PROPERTY, OracleRetryState.class);
        if (retries != null) {
            exchange.setProperty(OracleRetryState.PROPERTY, retries);
        }
        if (answered.getException() != null) {
            throw answered.getException();
        }
        return answered.getMessage().getMandatoryBody(OraclePage.class);
    }

    private static Exchange await(CompletableFuture<Exchange> requested) throws Exception {
        try {
            return requested.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
