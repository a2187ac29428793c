-- Rows not marked deleted, and how many of them the RECONCILE run did not see in Oracle: the mass-deletion guard's input.
SELECT count(*) AS active_records,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM reconcile_seen s
                                          WHERE s.sync_log_id = :#sync_log_id AND s.remote_id = o.remote_id))
           AS missing_records
FROM opportunities o
WHERE o.deleted_at IS NULL
