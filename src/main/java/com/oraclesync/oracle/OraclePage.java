package com.oraclesync.oracle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** One page of Oracle's REST collection response. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OraclePage(
        List<Map<String, Object>> items,
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
