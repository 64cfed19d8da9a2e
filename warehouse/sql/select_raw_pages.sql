-- Stored raw pages of articles dated in [$since, $until] (publication date, else listed date, else fetch
-- date), the newest fetch per article; only the articles in $article_ids when given, and the bytes only
-- when $with_bytes (a reprocess lists the articles first, then reads them batch by batch).
WITH dated AS (
    SELECT p.*, coalesce(p.article_published_at, p.listed_published_at, p.fetched_at)::DATE AS day
    FROM store.page_fetches AS p
    WHERE p.outcome = 'article' AND p.raw_sha256 IS NOT NULL
      AND ($sources::VARCHAR[] IS NULL OR list_contains($sources::VARCHAR[], p.source))
)
SELECT d.article_id, d.source, d.entry_id, d.entry_url, d.fetched_url, d.fetched_at, d.listed_published_at,
       d.content_type, d.encoding, d.topic_key, d.raw_sha256, CASE WHEN $with_bytes THEN r.raw_zlib END AS raw_zlib
FROM dated AS d
JOIN store.raw_pages AS r USING (raw_sha256)
WHERE d.day BETWEEN $since AND $until
QUALIFY row_number() OVER (PARTITION BY d.article_id ORDER BY d.fetched_at DESC, d.reprocessed, d.run_id DESC) = 1
    AND ($article_ids::VARCHAR[] IS NULL OR list_contains($article_ids::VARCHAR[], d.article_id))
ORDER BY d.source, d.fetched_at, d.entry_id, d.article_id;
