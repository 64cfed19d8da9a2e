-- Queue the article versions and extractions a batch appended for a later check (migrations 0017, 0018):
-- every version the batch classified that is not a duplicate, with each extraction it added (or NULL), and
-- the batch's place in its run (queued_checks: load._classify).
INSERT INTO store.figure_checks
SELECT q.article_id, q.article_version, q.extractor_version, q.status, $run_id, q.page_ordinal, 'queued', NULL,
       $batch_number
FROM queued_checks AS q;
