-- The latest runs, newest first.
SELECT * FROM runs ORDER BY run_id DESC LIMIT $limit;
