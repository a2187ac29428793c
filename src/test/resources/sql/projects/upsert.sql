-- The custom object's upsert: one statement per batch, from the staging table its projectsStaging step fills (one
-- text column per mapped column plus source_payload); never an older version over a newer.
WITH incoming AS (
    SELECT CAST(remote_id AS bigint) AS remote_id,
           title,
           CAST(budget AS numeric) AS budget,
           CAST(oracle_created_at AS timestamptz) AS oracle_created_at,
           CAST(oracle_updated_at AS timestamptz) AS oracle_updated_at,
           CAST(source_payload AS jsonb) AS source_payload
    FROM pg_temp.projects_staging
),
written AS (
    INSERT INTO projects AS o (remote_id, title, budget, oracle_created_at, oracle_updated_at, source_payload,
                               last_synced_at, deleted_at)
    SELECT remote_id, title, budget, oracle_created_at, oracle_updated_at, source_payload, now(), NULL
    FROM incoming
    ON CONFLICT (remote_id) DO UPDATE SET
        title             = EXCLUDED.title,
        budget            = EXCLUDED.budget,
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
LEFT JOIN projects before ON before.remote_id = w.remote_id
