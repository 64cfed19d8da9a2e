-- Canonical URLs already stored as articles, from any source.
SELECT DISTINCT url
FROM store.article_versions
WHERE url IN (SELECT url FROM requested_urls);
