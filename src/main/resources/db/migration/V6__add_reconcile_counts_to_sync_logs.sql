-- What a RECONCILE run changed: rows it marked deleted, and rows that came back in Oracle and were restored.
ALTER TABLE sync_logs
    ADD COLUMN deleted_records  integer NOT NULL DEFAULT 0,
    ADD COLUMN restored_records integer NOT NULL DEFAULT 0;
