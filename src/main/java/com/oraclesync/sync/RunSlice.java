package com.oraclesync.sync;

import java.time.OffsetDateTime;

/**
 * One keyset slice of a parallel run: the records with {@code from <= cursor field < to} in (cursor field, key field)
 * order. Bounds are whole cursor values, so records that share one value (a tie group) always fall in one slice. A
 * null {@code from} is the run's own lower bound (none for a FULL run); a null {@code to} is the open end: that slice
 * reads to the end of the data, including every record updated while the run goes on.
 *
 * @param number from 1, in cursor order
 */
public record RunSlice(int number, OffsetDateTime from, OffsetDateTime to) {

    public boolean openEnd() {
        return to == null;
    }
}
