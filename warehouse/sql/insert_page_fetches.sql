-- Log every page of the batch; loading the very same record again (same fetch time and outcome) adds nothing.
INSERT INTO store.page_fetches (
    run_id, source, entry_id, entry_url, fetched_url, fetched_at, listed_published_at, outcome, error,
    http_status, content_type, encoding, raw_sha256, article_id, article_published_at, reprocessed, topic_key, etag, last_modified)
SELECT $run_id, p.source, p.entry_id, p.entry_url, p.fetched_url, p.fetched_at, p.listed_published_at, p.outcome,
       p.error, p.http_status, p.content_type, p.encoding, p.raw_sha256, p.article_id, p.published_at, p.reprocessed,
       p.topic_key, p.etag, p.last_modified
FROM staged_pages AS p
WHERE NOT EXISTS (
    SELECT 1 FROM store.page_fetches AS s
    WHERE s.source = p.source AND s.entry_id = p.entry_id AND s.fetched_at = p.fetched_at
      AND s.outcome = p.outcome AND s.reprocessed = p.reprocessed);
