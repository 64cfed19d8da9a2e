-- Whether a run was started and whether it already finished.
SELECT
    EXISTS (SELECT 1 FROM store.run_started WHERE run_id = $run_id) AS started,
    EXISTS (SELECT 1 FROM store.run_finished WHERE run_id = $run_id) AS finished;
