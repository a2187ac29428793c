package com.oraclesync.resource;

import java.util.Collection;
import java.util.List;

/** A request or a trigger names a sync that this service does not run. */
public class UnknownSyncException extends IllegalArgumentException {

    private final List<String> known;

    public UnknownSyncException(String name, Collection<String> known) {
        super("sync must be one of " + String.join(", ", known) + " (was '" + name + "')");
        this.known = List.copyOf(known);
    }

    public List<String> known() {
        return known;
    }
}
