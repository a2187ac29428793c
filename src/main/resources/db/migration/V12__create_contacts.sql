-- The contacts resource (Oracle contacts, keyed by PartyId): off unless SYNC_RESOURCES names it.
CREATE TABLE contacts (
    id                bigserial PRIMARY KEY,
    remote_id         bigint      NOT NULL UNIQUE,
    party_number      text,
    first_name        text,
    last_name         text,
    email             text,
    account_party_id  bigint,
    oracle_created_at timestamptz,
    oracle_updated_at timestamptz,
    last_synced_at    timestamptz NOT NULL DEFAULT now(),
    source_payload    jsonb       NOT NULL,
    deleted_at        timestamptz
);

CREATE INDEX contacts_oracle_updated_at_idx ON contacts (oracle_updated_at);
CREATE INDEX contacts_account_party_id_idx ON contacts (account_party_id);
