-- The article versions of this batch to fingerprint, in page order: new articles and new versions, and
-- unchanged versions stored before fingerprints existed (a reprocess fingerprints them).
SELECT b.article_id, b.version, b.url, b.site_name, b.text
FROM batch_articles AS b
WHERE b.status IN ('new_article', 'new_version')
   OR (b.status = 'unchanged'
       AND NOT EXISTS (SELECT 1 FROM store.article_fingerprints AS f
                       WHERE f.article_id = b.article_id AND f.version = b.version))
ORDER BY b.page_ordinal;
