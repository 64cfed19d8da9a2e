-- The article versions this batch adds (new articles and new versions), in page order, to fingerprint.
SELECT article_id, version, url, site_name, text
FROM batch_articles
WHERE status IN ('new_article', 'new_version')
ORDER BY page_ordinal;
