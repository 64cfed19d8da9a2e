-- Entry ids of a source already handled for good (failed fetches are retried, so they do not count).
SELECT DISTINCT entry_id
FROM store.page_fetches
WHERE source = $source
  AND outcome IN ('article', 'off_topic', 'no_article')
  AND entry_id IN (SELECT entry_id FROM requested_entries);
