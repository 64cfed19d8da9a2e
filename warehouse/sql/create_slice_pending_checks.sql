-- Leave in pending_checks only the slice's batches: the later ones (later_checks) wait for the next slice.
CREATE OR REPLACE TEMP TABLE pending_checks AS
SELECT *
FROM pending_checks AS p
WHERE NOT EXISTS (SELECT 1 FROM later_checks AS l
                  WHERE l.run_id = p.run_id AND l.batch_number IS NOT DISTINCT FROM p.batch_number);
