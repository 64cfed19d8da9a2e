-- Record the start of a run.
INSERT INTO store.run_started (run_id, flow, params, started_at)
VALUES ($run_id, $flow, $params, $started_at);
