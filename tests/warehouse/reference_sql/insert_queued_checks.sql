-- Queue the article versions and extractions a batch appended for a later check (migrations 0017, 0018):
-- every version the batch classified, with each extraction it added, and the batch's place in its run.
INSERT INTO store.figure_checks
SELECT a.article_id, a.version, e.extractor_version, a.status, $run_id, a.page_ordinal, 'queued', NULL,
       $batch_number
FROM batch_articles AS a
LEFT JOIN batch_extractions AS e ON e.page_ordinal = a.page_ordinal
WHERE a.status <> 'duplicate';
