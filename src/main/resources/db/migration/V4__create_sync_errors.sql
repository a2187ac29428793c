CREATE TABLE sync_errors (
    id          bigserial PRIMARY KEY,
    sync_log_id bigint      NOT NULL REFERENCES sync_logs (id),
    remote_id   text,
    reason      text        NOT NULL,
    raw_item    jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX sync_errors_sync_log_id_idx ON sync_errors (sync_log_id);
