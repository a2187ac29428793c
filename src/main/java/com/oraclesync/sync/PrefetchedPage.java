package com.oraclesync.sync;

import com.oraclesync.oracle.OraclePage;
import com.oraclesync.oracle.OracleRetryState;

/** The outcome of a page requested ahead: the page, or the failure, with the retries it took. */
public record PrefetchedPage(OraclePage<?> page, Exception failure, OracleRetryState retries) {
}
