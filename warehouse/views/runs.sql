-- Grain: one row per run (from the append-only run_started / run_finished events).
CREATE OR REPLACE MACRO runs_as_of(max_run) AS TABLE
WITH finished AS (
    SELECT run_id, ended_at, status, counts, errors
    FROM store.run_finished
    WHERE run_id <= max_run
    QUALIFY row_number() OVER (PARTITION BY run_id ORDER BY ended_at DESC) = 1
)
SELECT s.run_id, s.flow, s.params, s.started_at, f.ended_at,
       coalesce(f.status, 'unfinished') AS status, f.counts, f.errors
FROM store.run_started AS s
LEFT JOIN finished AS f USING (run_id)
WHERE s.run_id <= max_run;

CREATE OR REPLACE VIEW runs AS FROM runs_as_of(as_of_run());
