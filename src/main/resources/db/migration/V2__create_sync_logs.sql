CREATE TABLE sync_logs (
    id               bigserial PRIMARY KEY,
    sync_type        text        NOT NULL CHECK (sync_type IN ('FULL', 'INCREMENTAL', 'RECONCILE')),
    status           text        NOT NULL CHECK (status IN ('RUNNING', 'SUCCESS', 'PARTIAL', 'FAILED')),
    trigger          text        NOT NULL CHECK (trigger IN ('SCHEDULE', 'HTTP', 'JMX', 'STARTUP')),
    total_fetched    integer     NOT NULL DEFAULT 0,
    new_records      integer     NOT NULL DEFAULT 0,
    updated_records  integer     NOT NULL DEFAULT 0,
    failed_records   integer     NOT NULL DEFAULT 0,
    pages            integer     NOT NULL DEFAULT 0,
    error_message    text,
    started_at       timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz,
    duration_seconds numeric(12, 3),
    watermark_from   timestamptz,
    watermark_to     timestamptz,
    instance_id      text
);

CREATE INDEX sync_logs_status_idx ON sync_logs (status) WHERE status = 'RUNNING';
