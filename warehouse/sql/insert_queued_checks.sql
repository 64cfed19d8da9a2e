-- Queue the article versions and extractions a DuckLake batch appended for the check that follows
-- (migration 0017): every version the batch classified, with each extraction it added.
INSERT INTO store.figure_checks
SELECT a.article_id, a.version, e.extractor_version, a.status, $run_id, a.page_ordinal, 'queued', NULL
FROM batch_articles AS a
LEFT JOIN batch_extractions AS e ON e.page_ordinal = a.page_ordinal
WHERE a.status <> 'duplicate';
