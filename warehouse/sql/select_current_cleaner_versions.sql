-- The stored article versions of a batch of articles that a given cleaner version produced, with the
-- SHA-256 of the raw page each was cleaned from (a reprocess keeps those whose page is unchanged).
SELECT version, url, source, cleaner_version, fetched_at, published_at, date_source, title, author,
       site_name, language, text, raw_sha256
FROM store.article_versions
WHERE list_contains($article_ids::VARCHAR[], article_id) AND cleaner_version = $cleaner_version
      AND raw_sha256 IS NOT NULL
