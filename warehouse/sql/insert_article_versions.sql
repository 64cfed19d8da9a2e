-- Append the new articles and the new versions of changed articles (classified_articles: load._classify).
INSERT INTO store.article_versions (
    article_id, version, url, source, run_id, cleaner_version, fetched_at, published_at, date_source, title,
    author, site_name, language, text, content_hash, simhash, raw_sha256)
SELECT article_id, version, url, source, $run_id, cleaner_version, fetched_at, published_at, date_source, title,
       author, site_name, language, text, content_hash, simhash, raw_sha256
FROM classified_articles
WHERE status IN ('new_article', 'new_version');
