-- A slice's page: the position of its last record, committed in the page's transaction together with its rows.
UPDATE sync_state_slices
SET checkpoint_ts = :#${exchangeProperty.syncRun.pendingPosition().updatedAt()},
    checkpoint_id = :#${exchangeProperty.syncRun.pendingPosition().remoteId()},
    pages = pages + 1,
    fetched = fetched + :#${exchangeProperty.syncRun.pendingWrites().fetched()},
    updated_at = now()
WHERE sync_name = :#${exchangeProperty.syncRun.stateName()}
  AND slice_no = :#${exchangeProperty.syncRun.slice().number()}
