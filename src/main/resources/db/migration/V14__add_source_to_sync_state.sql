-- The source a sync's state was built from: the Oracle base URL and the resource path
-- (https://xxxx.fa.em2.oraclecloud.com/opportunities), or demo:<path> for the built-in simulator. A run whose
-- configured source differs refuses to go on from this state (see SyncSources). NULL: state from before this
-- migration, adopted by the next run, which records its own source.
ALTER TABLE sync_state ADD COLUMN source text;
