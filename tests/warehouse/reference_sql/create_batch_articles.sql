-- Classify the batch's articles against their latest stored version, before anything is inserted:
-- new_article (version 1), new_version (text changed: version n + 1), unchanged, or duplicate (the same
-- canonical URL already appeared earlier in this batch; the first occurrence wins).
CREATE OR REPLACE TEMP TABLE batch_articles AS
WITH occurrences AS (
    SELECT *, row_number() OVER (PARTITION BY article_id ORDER BY page_ordinal) AS occurrence
    FROM staged_pages
    WHERE outcome = 'article'
), latest AS (
    SELECT article_id, version, content_hash
    FROM store.article_versions
    WHERE article_id IN (SELECT article_id FROM occurrences)
    QUALIFY is_latest_version(article_id, version)
)
SELECT o.* EXCLUDE (occurrence),
       CASE WHEN o.occurrence > 1 THEN 'duplicate'
            WHEN l.version IS NULL THEN 'new_article'
            WHEN l.content_hash = o.content_hash THEN 'unchanged'
            ELSE 'new_version' END AS status,
       CASE WHEN o.occurrence > 1 THEN NULL
            WHEN l.content_hash = o.content_hash THEN l.version
            ELSE coalesce(l.version, 0) + 1 END AS version
FROM occurrences AS o
LEFT JOIN latest AS l USING (article_id);
