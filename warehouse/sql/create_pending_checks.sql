-- The queued rows of figure_checks that no check has read yet, whichever writer or batch queued them.
CREATE OR REPLACE TEMP TABLE pending_checks AS
SELECT q.article_id, q.article_version, q.extractor_version, q.status, q.run_id, q.page_ordinal, q.batch_number
FROM store.figure_checks AS q
WHERE q.event = 'queued'
  AND NOT EXISTS (
      SELECT 1 FROM store.figure_checks AS c
      WHERE c.event = 'checked' AND c.run_id = q.run_id AND c.article_id = q.article_id
        AND c.article_version = q.article_version
        AND c.extractor_version IS NOT DISTINCT FROM q.extractor_version);
