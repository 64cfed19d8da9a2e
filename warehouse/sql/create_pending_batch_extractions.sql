-- The batch_extractions table the check steps read (create_batch_extractions.sql), rebuilt from the pending
-- checks: each extraction once.
CREATE OR REPLACE TEMP TABLE batch_extractions AS
SELECT DISTINCT p.article_id, p.article_version AS version, p.extractor_version
FROM pending_checks AS p
WHERE p.extractor_version IS NOT NULL;
