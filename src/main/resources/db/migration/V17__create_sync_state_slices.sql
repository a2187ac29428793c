-- The keyset slices of a sync's unfinished parallel run (sync.parallelism > 1): one row per slice, written when the
-- run plans its slices and changed by each of the slice's page transactions, together with the page's rows. A slice
-- reads LastUpdateDate >= from_ts (null: the run's lower bound) and < to_ts (null: the open end, to the end of the
-- data), after its checkpoint. A run killed at any point resumes every slice that is not done from its checkpoint;
-- the rows are removed in the transaction that advances the watermark.
CREATE TABLE sync_state_slices (
    sync_name      text        NOT NULL,
    slice_no       integer     NOT NULL,
    from_ts        timestamptz,
    to_ts          timestamptz,
    checkpoint_ts  timestamptz,
    checkpoint_id  bigint,
    done           boolean     NOT NULL DEFAULT false,
    log_id         bigint      NOT NULL,
    pages          integer     NOT NULL DEFAULT 0,
    fetched        bigint      NOT NULL DEFAULT 0,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (sync_name, slice_no)
);
