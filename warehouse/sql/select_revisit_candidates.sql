-- Articles of $source first fetched at or after $since (newest first, at most $limit), each with its
-- latest fetch: where to ask again and the validators (ETag, Last-Modified, body hash) to ask with.
WITH firsts AS (
    SELECT entry_id, min(fetched_at) AS first_fetched
    FROM store.page_fetches
    WHERE source = $source AND outcome = 'article' AND NOT reprocessed
    GROUP BY entry_id
    HAVING min(fetched_at) >= $since
)
SELECT p.entry_id, p.entry_url, coalesce(p.fetched_url, p.entry_url) AS url, p.listed_published_at, p.etag,
       p.last_modified, p.raw_sha256
FROM store.page_fetches AS p
JOIN firsts AS f USING (entry_id)
WHERE p.source = $source AND p.outcome = 'article' AND NOT p.reprocessed
QUALIFY row_number() OVER (PARTITION BY p.entry_id ORDER BY p.fetched_at DESC) = 1
ORDER BY f.first_fetched DESC, p.entry_id
LIMIT $limit;
