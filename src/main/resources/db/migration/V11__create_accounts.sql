-- The accounts resource (Oracle accounts, keyed by PartyId): off unless SYNC_RESOURCES names it.
CREATE TABLE accounts (
    id                bigserial PRIMARY KEY,
    remote_id         bigint      NOT NULL UNIQUE,
    party_number      text,
    name              text,
    owner_party_id    bigint,
    account_type      text,
    oracle_created_at timestamptz,
    oracle_updated_at timestamptz,
    last_synced_at    timestamptz NOT NULL DEFAULT now(),
    source_payload    jsonb       NOT NULL,
    deleted_at        timestamptz
);

CREATE INDEX accounts_oracle_updated_at_idx ON accounts (oracle_updated_at);
