-- One statement per batch, the same text whatever the batch size. The batch is in pg_temp.opportunities_staging
-- (the route's opportunitiesStaging step copies it there: one text column per mapped column plus source_payload,
-- named after its column, one row per record, each key once); the incoming CTE casts the text to the table's types.
-- workflow_status is ours: NEW on insert, kept on update unless Oracle's
-- status is one of closed_statuses (sync.resources.opportunities.parameters, SYNC_CLOSED_STATUSES), upper-cased.
-- The stale-write guard keeps a stored row whose LastUpdateDate is newer than the incoming one.
-- The outer SELECT sees the table as it was before the upsert, which tells new, updated and unchanged rows apart.
WITH closed AS (
    SELECT upper(trim(status)) AS status
    FROM unnest(string_to_array(CAST(:#closed_statuses AS text), ',')) AS s (status)
),
incoming AS (
    SELECT CAST(remote_id AS bigint)                  AS remote_id,
           opportunity_number, name, customer,
           CAST(deal_value AS numeric)                AS deal_value,
           currency,
           CAST(win_probability AS numeric)           AS win_probability,
           stage, status_code,
           CAST(close_date AS date)                   AS close_date,
           sales_owner, practice, geo, region, sector,
           CAST(oracle_created_at AS timestamptz)     AS oracle_created_at,
           CAST(oracle_updated_at AS timestamptz)     AS oracle_updated_at,
           CAST(source_payload AS jsonb)              AS source_payload
    FROM pg_temp.opportunities_staging
),
written AS (
    INSERT INTO opportunities AS o (remote_id, opportunity_number, name, customer, deal_value, currency,
                                    win_probability, stage, status_code, close_date, sales_owner, practice, geo,
                                    region, sector, oracle_created_at, oracle_updated_at, source_payload,
                                    workflow_status, last_synced_at, deleted_at)
    SELECT remote_id, opportunity_number, name, customer, deal_value, currency, win_probability, stage,
           status_code, close_date, sales_owner, practice, geo, region, sector, oracle_created_at,
           oracle_updated_at, source_payload, 'NEW', now(), NULL
    FROM incoming
    ON CONFLICT (remote_id) DO UPDATE SET
        opportunity_number = EXCLUDED.opportunity_number,
        name               = EXCLUDED.name,
        customer           = EXCLUDED.customer,
        deal_value         = EXCLUDED.deal_value,
        currency           = EXCLUDED.currency,
        win_probability    = EXCLUDED.win_probability,
        stage              = EXCLUDED.stage,
        status_code        = EXCLUDED.status_code,
        close_date         = EXCLUDED.close_date,
        sales_owner        = EXCLUDED.sales_owner,
        practice           = EXCLUDED.practice,
        geo                = EXCLUDED.geo,
        region             = EXCLUDED.region,
        sector             = EXCLUDED.sector,
        oracle_created_at  = EXCLUDED.oracle_created_at,
        oracle_updated_at  = EXCLUDED.oracle_updated_at,
        source_payload     = EXCLUDED.source_payload,
        workflow_status    = CASE WHEN upper(EXCLUDED.status_code) IN (SELECT status FROM closed)
                                  THEN upper(EXCLUDED.status_code)
                                  ELSE o.workflow_status END,
        last_synced_at     = now(),
        deleted_at         = NULL
    WHERE o.oracle_updated_at IS NULL OR o.oracle_updated_at <= EXCLUDED.oracle_updated_at
    RETURNING o.remote_id, o.oracle_updated_at, (o.xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE w.inserted)                                          AS new_records,
       count(*) FILTER (WHERE NOT w.inserted AND before.oracle_updated_at < w.oracle_updated_at) AS updated_records,
       count(*) FILTER (WHERE NOT w.inserted AND before.oracle_updated_at >= w.oracle_updated_at) AS unchanged_records
FROM written w
LEFT JOIN opportunities before ON before.remote_id = w.remote_id
