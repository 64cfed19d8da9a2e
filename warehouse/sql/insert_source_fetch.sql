-- Record one feed fetch (in the same transaction as the source's last batch of pages).
INSERT INTO store.source_fetches (
    run_id, source, url, fetched_at, outcome, http_status, etag, last_modified, body_hash, entries_listed,
    entries_new, error, parse_error, topic_key)
VALUES ($run_id, $source, $url, $fetched_at, $outcome, $http_status, $etag, $last_modified, $body_hash,
        $entries_listed, $entries_new, $error, $parse_error, $topic_key);
