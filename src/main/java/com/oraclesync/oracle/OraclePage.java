package com.oraclesync.oracle;

import java.util.List;

/**
 * One page of Oracle's REST collection response: its items as the reader made them (mapped rows of a sync's page,
 * or plain maps of a RECONCILE's keys) and the paging fields Oracle sent with them.
 */
public record OraclePage<T>(
        List<T> items,
        Integer count,
        Boolean hasMore,
        Integer limit,
        Integer offset,
        Long totalResults) {

    public boolean more() {
        return Boolean.TRUE.equals(hasMore);
    }

    // Camel's bean language caches by the target object: a value hash would walk every item of the page on each
    // expression such as ${body.items}. Pages are compared by identity.
    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }
}
