SELECT count(*) FROM projects WHERE deleted_at IS NULL
