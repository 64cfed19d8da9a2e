-- The pending checks of the batches after the slice's last one ($last_run_id, $last_batch_number), in the
-- order select_pending_batches gives them (run, then batch with NULL first): a later slice checks them.
CREATE OR REPLACE TEMP TABLE later_checks AS
SELECT *
FROM pending_checks
WHERE run_id > $last_run_id
   OR (run_id = $last_run_id AND batch_number IS NOT NULL
       AND ($last_batch_number IS NULL OR batch_number > $last_batch_number));
