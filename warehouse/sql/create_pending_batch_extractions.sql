-- The batch_extractions table the check steps read (load._classify), rebuilt from the pending
-- checks: each extraction once, with the place of the first batch that queued it among the batches read
-- (batch_order, from 1), so that a conflict between two of them is opened as the first batch's check would.
CREATE OR REPLACE TEMP TABLE batch_extractions AS
SELECT p.article_id, p.article_version AS version, p.extractor_version,
       min(b.batch_order) AS batch_order
FROM pending_checks AS p
JOIN (SELECT DISTINCT run_id, batch_number,
             dense_rank() OVER (ORDER BY run_id, batch_number NULLS FIRST) AS batch_order
      FROM pending_checks) AS b
  ON b.run_id = p.run_id AND b.batch_number IS NOT DISTINCT FROM p.batch_number
WHERE p.extractor_version IS NOT NULL
GROUP BY ALL;
