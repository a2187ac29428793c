package com.oraclesync.monitoring;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * How far a run in progress is. {@code estimatedTotal} is Oracle's {@code totalResults} of the first page, when
 * Oracle sent it; the rate is over the last few pages; the ETA needs both.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyncProgress(
        long syncLogId,
        int pagesFetched,
        long recordsSoFar,
        Long estimatedTotal,
        Double recordsPerSecond,
        Long etaSeconds,
        long elapsedSeconds) {
}
