-- What the batch did: article statuses and page outcomes (read before the temp tables are dropped).
SELECT
    (SELECT count(*) FROM batch_articles WHERE status = 'new_article') AS new_articles,
    (SELECT count(*) FROM batch_articles WHERE status = 'new_version') AS new_versions,
    (SELECT count(*) FROM batch_articles WHERE status = 'unchanged') AS unchanged,
    (SELECT count(*) FROM batch_articles WHERE status = 'duplicate') AS duplicates,
    (SELECT count(*) FROM staged_pages WHERE outcome = 'off_topic') AS off_topic,
    (SELECT count(*) FROM staged_pages WHERE outcome = 'no_article') AS no_article,
    (SELECT count(*) FROM staged_pages WHERE outcome = 'failed') AS failed;
