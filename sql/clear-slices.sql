-- The run has ended with every slice read to its end: its slices go with the checkpoint, in the watermark's transaction.
DELETE FROM sync_state_slices WHERE sync_name = :#${exchangeProperty.syncRun.stateName()}
