-- Before a RECONCILE starts (leftovers of a run that died) and after it ends: only one run at a time holds the lock.
DELETE FROM reconcile_seen
