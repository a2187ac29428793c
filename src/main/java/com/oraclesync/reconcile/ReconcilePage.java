package com.oraclesync.reconcile;

import com.oraclesync.persistence.PreparedPage;
import java.util.Map;

/**
 * One page of RECONCILE's ID-only scan: its progress (ids read, unreadable items, last key) and the parameters
 * of insert-reconcile-seen.sql.
 */
public record ReconcilePage(PreparedPage progress, Map<String, Object> seenParameters) {
}
