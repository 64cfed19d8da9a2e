-- Open disagreements a run opened (or opened again), in the order of their keys.
SELECT * FROM disagreements WHERE opened_run_id = $run_id ORDER BY metric, entity, period_start, disagreement_id;
