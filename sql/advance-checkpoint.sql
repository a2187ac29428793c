-- The position of the last record of the page; committed in the page's transaction, together with its rows.
UPDATE sync_state
SET checkpoint_ts = :#${exchangeProperty.syncRun.pendingPosition().updatedAt()},
    checkpoint_id = :#${exchangeProperty.syncRun.pendingPosition().remoteId()},
    updated_at = now()
WHERE sync_name = :#${exchangeProperty.syncRun.stateName()}
