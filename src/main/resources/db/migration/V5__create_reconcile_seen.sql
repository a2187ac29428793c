-- The OptyIds a RECONCILE run has seen in Oracle so far, keyed by its sync_logs id; written page by page, compared
-- with opportunities at the end of the run, then cleared. No foreign key: the rows never outlive the run.
CREATE TABLE reconcile_seen (
    sync_log_id bigint NOT NULL,
    remote_id   bigint NOT NULL,
    PRIMARY KEY (sync_log_id, remote_id)
);
