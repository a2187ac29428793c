-- One statement per batch, the same text whatever the batch size: every row parameter is an array with one
-- element per row, named after its column. workflow_status is ours: NEW on insert, kept on update unless Oracle's
-- status is one of closed_statuses (sync.resources.opportunities.parameters, SYNC_CLOSED_STATUSES), upper-cased.
-- The stale-write guard keeps a stored row whose LastUpdateDate is newer than the incoming one.
-- The outer SELECT sees the table as it was before the upsert, which tells new, updated and unchanged rows apart.
WITH closed AS (
    SELECT upper(trim(status)) AS status
    FROM unnest(string_to_array(CAST(:#closed_statuses AS text), ',')) AS s (status)
),
incoming AS (
    SELECT *
    FROM unnest(
        CAST(:#remote_id AS bigint[]),
        CAST(:#opportunity_number AS text[]),
        CAST(:#name AS text[]),
        CAST(:#customer AS text[]),
        CAST(:#deal_value AS numeric[]),
        CAST(:#currency AS text[]),
        CAST(:#win_probability AS numeric[]),
        CAST(:#stage AS text[]),
        CAST(:#status_code AS text[]),
        CAST(:#close_date AS date[]),
        CAST(:#sales_owner AS text[]),
        CAST(:#practice AS text[]),
        CAST(:#geo AS text[]),
        CAST(:#region AS text[]),
        CAST(:#sector AS text[]),
        CAST(:#oracle_created_at AS timestamptz[]),
        CAST(:#oracle_updated_at AS timestamptz[]),
        CAST(:#source_payload AS jsonb[])
    ) AS t (remote_id, opportunity_number, name, customer, deal_value, currency, win_probability, stage,
            status_code, close_date, sales_owner, practice, geo, region, sector, oracle_created_at,
            oracle_updated_at, source_payload)
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
