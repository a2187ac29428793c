-- One statement per batch, the same text whatever the batch size. The batch is in pg_temp.accounts_staging: the
-- route's accountsStaging step copies it there, one text column per mapped column (sync.resources.accounts.columns)
-- plus source_payload, named after its column, one row per record and each key once; incoming casts the text to the
-- table's types. The stale-write guard keeps a stored row whose LastUpdateDate is newer than the incoming one. The
-- outer SELECT sees the table as it was before the upsert, which tells new, updated and unchanged rows apart.
WITH incoming AS (
    SELECT CAST(remote_id AS bigint) AS remote_id,
           party_number,
           name,
           CAST(owner_party_id AS bigint) AS owner_party_id,
           account_type,
           CAST(oracle_created_at AS timestamptz) AS oracle_created_at,
           CAST(oracle_updated_at AS timestamptz) AS oracle_updated_at,
           CAST(source_payload AS jsonb) AS source_payload
    FROM pg_temp.accounts_staging
),
written AS (
    INSERT INTO accounts AS o (remote_id, party_number, name, owner_party_id, account_type, oracle_created_at, oracle_updated_at, source_payload, last_synced_at, deleted_at)
    SELECT remote_id, party_number, name, owner_party_id, account_type, oracle_created_at, oracle_updated_at, source_payload, now(), NULL
    FROM incoming
    ON CONFLICT (remote_id) DO UPDATE SET
        party_number      = EXCLUDED.party_number,
        name              = EXCLUDED.name,
        owner_party_id    = EXCLUDED.owner_party_id,
        account_type      = EXCLUDED.account_type,
        oracle_created_at = EXCLUDED.oracle_created_at,
        oracle_updated_at = EXCLUDED.oracle_updated_at,
        source_payload    = EXCLUDED.source_payload,
        last_synced_at    = now(),
        deleted_at        = NULL
    WHERE o.oracle_updated_at IS NULL OR o.oracle_updated_at <= EXCLUDED.oracle_updated_at
    RETURNING o.remote_id, o.oracle_updated_at, (o.xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE w.inserted)                                                 AS new_records,
       count(*) FILTER (WHERE NOT w.inserted AND before.oracle_updated_at < w.oracle_updated_at)  AS updated_records,
       count(*) FILTER (WHERE NOT w.inserted AND before.oracle_updated_at >= w.oracle_updated_at) AS unchanged_records
FROM written w
LEFT JOIN accounts before ON before.remote_id = w.remote_id
