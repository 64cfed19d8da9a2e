-- How many of the conflicts a run opened (and that are still open) each source brought: the source of the
-- contradicting article's latest stored version.
WITH sources AS (
    SELECT article_id, arg_max(source, version) AS source
    FROM store.article_versions
    GROUP BY article_id
)
SELECT s.source, count(*) AS conflicts
FROM conflicts AS c
JOIN sources AS s ON s.article_id = c.conflicting_article_id
WHERE c.detected_run_id = $run_id
GROUP BY s.source
ORDER BY s.source
