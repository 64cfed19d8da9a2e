-- Record the end of a run with its status, counts and errors.
INSERT INTO store.run_finished (run_id, ended_at, status, counts, errors)
VALUES ($run_id, $ended_at, $status, $counts, $errors);
