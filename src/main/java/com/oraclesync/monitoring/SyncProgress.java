package com.oraclesync.monitoring;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * How far a run in progress is. {@code estimatedTotal} is Oracle's {@code totalResults} of the first page, when
 * Oracle sent it (or the count a parallel run planned its slices with); the rate is over the last few pages; the ETA
 * needs both. {@code slices} lists each slice of a parallel run, and is null for a sequential one.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyncProgress(
        long syncLogId,
        int pagesFetched,
        long recordsSoFar,
        Long estimatedTotal,
        Double recordsPerSecond,
        Long etaSeconds,
        long elapsedSeconds,
        List<SliceProgress> slices) {
}
