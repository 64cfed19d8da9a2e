-- The article versions of this batch to fingerprint, in page order: new articles and new versions, and
-- unchanged versions stored before fingerprints existed (a reprocess fingerprints them). A text is returned
-- only at its first row (same_text_as is that row's position, from 0): a later row with the same text
-- (a copy under another URL) takes its signature, which depends on the text alone; NULL is signed as ''.
SELECT article_id, version, url, site_name,
       CASE WHEN position = same_text_as THEN text END AS text,
       same_text_as
FROM (
    SELECT *, min(position) OVER (PARTITION BY coalesce(text, '')) AS same_text_as
    FROM (
        SELECT b.article_id, b.version, b.url, b.site_name, b.text,
               row_number() OVER (ORDER BY b.page_ordinal) - 1 AS position
        FROM batch_articles AS b
        WHERE b.status IN ('new_article', 'new_version')
           OR (b.status = 'unchanged'
               AND NOT EXISTS (SELECT 1 FROM store.article_fingerprints AS f
                               WHERE f.article_id = b.article_id AND f.version = b.version))
    )
)
ORDER BY position;
