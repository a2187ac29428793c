-- A custom Oracle object (Projects_c), added by configuration alone: the table its sync writes to.
CREATE TABLE projects (
    id                bigserial PRIMARY KEY,
    remote_id         bigint      NOT NULL UNIQUE,
    title             text,
    budget            numeric,
    oracle_created_at timestamptz,
    oracle_updated_at timestamptz,
    last_synced_at    timestamptz NOT NULL DEFAULT now(),
    source_payload    jsonb       NOT NULL,
    deleted_at        timestamptz
);
