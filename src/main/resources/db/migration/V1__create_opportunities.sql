CREATE TABLE opportunities (
    id                 bigserial PRIMARY KEY,
    remote_id          bigint      NOT NULL UNIQUE,
    opportunity_number text,
    name               text,
    customer           text,
    deal_value         numeric,
    currency           text,
    win_probability    numeric,
    stage              text,
    status_code        text,
    close_date         date,
    sales_owner        text,
    practice           text,
    geo                text,
    region             text,
    sector             text,
    workflow_status    text        NOT NULL DEFAULT 'NEW',
    oracle_created_at  timestamptz,
    oracle_updated_at  timestamptz,
    last_synced_at     timestamptz NOT NULL DEFAULT now(),
    source_payload     jsonb       NOT NULL,
    deleted_at         timestamptz
);

CREATE INDEX opportunities_oracle_updated_at_idx ON opportunities (oracle_updated_at);
CREATE INDEX opportunities_workflow_status_idx ON opportunities (workflow_status);
