-- Open conflicts detected by one run.
SELECT * FROM conflicts WHERE detected_run_id = $run_id ORDER BY metric, entity, period, conflict_id;
