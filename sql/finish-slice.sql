-- A slice read to its end (an empty page, or hasMore false): a resumed run does not read it again.
UPDATE sync_state_slices
SET done = true, updated_at = now()
WHERE sync_name = :#${exchangeProperty.syncRun.stateName()}
  AND slice_no = :#${exchangeProperty.syncRun.slice().number()}
