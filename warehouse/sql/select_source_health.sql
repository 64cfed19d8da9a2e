-- Per source at $now: last success and error, consecutive failures, and the last 7 days against the
-- 28 days before them (articles per day, share of empty bodies, share of articles without a date).
WITH sources AS (
    SELECT source FROM store.source_fetches WHERE fetched_at <= $now
    UNION
    SELECT source FROM store.page_fetches WHERE fetched_at <= $now
), fetches AS (
    SELECT * FROM store.source_fetches WHERE fetched_at <= $now
), successes AS (
    SELECT source, max(fetched_at) AS last_success
    FROM fetches WHERE outcome IN ('fetched', 'not_modified')
    GROUP BY source
), errors AS (
    SELECT source, max(fetched_at) AS last_error_at, max_by(coalesce(error, parse_error), fetched_at) AS last_error
    FROM fetches WHERE outcome = 'failed' OR parse_error IS NOT NULL
    GROUP BY source
), failures AS (
    SELECT f.source, count(*) AS consecutive_failures
    FROM fetches AS f LEFT JOIN successes AS s USING (source)
    WHERE f.outcome = 'failed' AND (s.last_success IS NULL OR f.fetched_at > s.last_success)
    GROUP BY f.source
), pages AS (
    SELECT source, article_id, outcome, article_published_at,
           fetched_at > $now::TIMESTAMPTZ - INTERVAL 7 DAY AS recent
    FROM store.page_fetches
    WHERE NOT reprocessed AND fetched_at <= $now AND fetched_at > $now::TIMESTAMPTZ - INTERVAL 35 DAY
), windows AS (
    SELECT source,
           count(DISTINCT article_id) FILTER (WHERE outcome = 'article' AND recent) / 7.0 AS articles_per_day,
           count(DISTINCT article_id) FILTER (WHERE outcome = 'article' AND NOT recent) / 28.0
               AS baseline_articles_per_day,
           count(*) FILTER (WHERE outcome <> 'failed' AND recent) AS pages_last_7d,
           count(*) FILTER (WHERE outcome = 'no_article' AND recent)
               / nullif(count(*) FILTER (WHERE outcome <> 'failed' AND recent), 0) AS empty_body_share,
           count(*) FILTER (WHERE outcome = 'no_article' AND NOT recent)
               / nullif(count(*) FILTER (WHERE outcome <> 'failed' AND NOT recent), 0) AS baseline_empty_body_share,
           count(*) FILTER (WHERE outcome = 'article' AND recent) AS articles_last_7d,
           count(*) FILTER (WHERE outcome = 'article' AND article_published_at IS NULL AND recent)
               / nullif(count(*) FILTER (WHERE outcome = 'article' AND recent), 0) AS missing_date_share,
           count(*) FILTER (WHERE outcome = 'article' AND article_published_at IS NULL AND NOT recent)
               / nullif(count(*) FILTER (WHERE outcome = 'article' AND NOT recent), 0)
               AS baseline_missing_date_share
    FROM pages
    GROUP BY source
)
SELECT s.source, su.last_success, e.last_error, e.last_error_at,
       coalesce(f.consecutive_failures, 0) AS consecutive_failures,
       coalesce(w.articles_per_day, 0) AS articles_per_day,
       coalesce(w.baseline_articles_per_day, 0) AS baseline_articles_per_day,
       coalesce(w.pages_last_7d, 0) AS pages_last_7d,
       w.empty_body_share, w.baseline_empty_body_share,
       coalesce(w.articles_last_7d, 0) AS articles_last_7d,
       w.missing_date_share, w.baseline_missing_date_share
FROM sources AS s
LEFT JOIN successes AS su USING (source)
LEFT JOIN errors AS e USING (source)
LEFT JOIN failures AS f USING (source)
LEFT JOIN windows AS w USING (source)
ORDER BY s.source;
