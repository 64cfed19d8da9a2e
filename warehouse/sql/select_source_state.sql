-- Validators of a source's last successful feed fetch; a 304 keeps those of the last 200 it confirmed.
WITH ok AS (
    SELECT outcome, etag, last_modified, body_hash, fetched_at, topic_key
    FROM store.source_fetches
    WHERE source = $source AND outcome IN ('fetched', 'not_modified')
), last_ok AS (
    SELECT * FROM ok ORDER BY fetched_at DESC LIMIT 1
), last_fetched AS (
    SELECT * FROM ok WHERE outcome = 'fetched' ORDER BY fetched_at DESC LIMIT 1
)
SELECT CASE WHEN l.outcome = 'fetched' THEN l.etag ELSE coalesce(l.etag, f.etag) END AS etag,
       CASE WHEN l.outcome = 'fetched' THEN l.last_modified
            ELSE coalesce(l.last_modified, f.last_modified) END AS last_modified,
       CASE WHEN l.outcome = 'fetched' THEN l.body_hash ELSE coalesce(l.body_hash, f.body_hash) END AS body_hash,
       l.fetched_at, l.topic_key
FROM last_ok AS l
LEFT JOIN last_fetched AS f ON true;
