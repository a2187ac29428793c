-- One row per sync name. The watermark is the keyset position (LastUpdateDate, OptyId) of the last
-- record of the last completed run; the checkpoint is the position of an unfinished run.
CREATE TABLE sync_state (
    sync_name          text PRIMARY KEY,
    watermark_ts       timestamptz,
    watermark_id       bigint,
    checkpoint_ts      timestamptz,
    checkpoint_id      bigint,
    checkpoint_type    text,
    checkpoint_from    timestamptz,
    checkpoint_log_id  bigint,
    total_records      bigint      NOT NULL DEFAULT 0,
    last_sync_at       timestamptz,
    last_success_at    timestamptz,
    complete           boolean     NOT NULL DEFAULT false,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

INSERT INTO sync_state (sync_name) VALUES ('oracle_opportunities');
