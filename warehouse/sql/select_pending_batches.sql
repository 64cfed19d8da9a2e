-- The batches the pending checks were queued by, in the order a check reads them (run, batch), each with the
-- article versions it queued: the check takes them in slices of whole batches.
SELECT run_id, batch_number, count(DISTINCT (article_id, article_version)) AS articles
FROM pending_checks
GROUP BY ALL
ORDER BY run_id, batch_number NULLS FIRST;
