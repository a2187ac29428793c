-- The fencing token of a sync's runs: each run takes the next value when it begins, and every transaction of the run
-- checks it (SELECT ... FOR UPDATE) before it writes. A run whose lock session died cannot write after a newer run
-- has begun, even while it does not know yet that its lock is gone.
ALTER TABLE sync_state ADD COLUMN run_fence bigint NOT NULL DEFAULT 0;
