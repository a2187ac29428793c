-- Before a RECONCILE starts (leftovers of a run of this sync that died) and after it ends: one run per sync at a time.
DELETE FROM reconcile_seen WHERE sync_name = :#${exchangeProperty.syncRun.syncName()}
