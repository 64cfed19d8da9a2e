-- Entry ids of a source already handled for good: stored or not an article; off topic only when judged
-- under the same topic settings ($topic_key). Failed fetches are retried, so they do not count.
SELECT DISTINCT entry_id
FROM store.page_fetches
WHERE source = $source
  AND (outcome IN ('article', 'no_article')
       OR (outcome = 'off_topic' AND topic_key IS NOT DISTINCT FROM $topic_key))
  AND entry_id IN (SELECT entry_id FROM requested_entries);
