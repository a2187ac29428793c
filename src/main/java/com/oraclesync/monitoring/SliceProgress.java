package com.oraclesync.monitoring;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.oraclesync.sync.SyncRun;
import java.time.OffsetDateTime;

/**
 * One slice of a parallel run in progress: its bounds of the cursor field ({@code from} inclusive, {@code to}
 * exclusive; null {@code to} is the open end) and what it has committed so far.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SliceProgress(int slice, OffsetDateTime from, OffsetDateTime to, int pagesFetched, long recordsSoFar,
                            boolean done) {

    static SliceProgress of(SyncRun slice) {
        return new SliceProgress(slice.slice().number(), slice.slice().from(), slice.slice().to(), slice.pages(),
                slice.fetched(), slice.sliceDone());
    }

    @Override
    public String toString() {
        return slice + ": " + pagesFetched + " pages, " + recordsSoFar + " records" + (done ? ", done" : "");
    }
}
