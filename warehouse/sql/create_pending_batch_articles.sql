-- The batch_articles table the check steps read (load._classify), rebuilt from the pending checks
-- and the stored versions: one row per article version, in the order the batches loaded them (run, batch,
-- page).
CREATE OR REPLACE TEMP TABLE batch_articles AS
SELECT row_number() OVER (ORDER BY p.run_id, p.batch_number NULLS FIRST, p.page_ordinal, p.article_id)::INTEGER
           AS page_ordinal,
       p.article_id, p.article_version AS version, p.status, v.url, v.site_name, v.text
FROM pending_checks AS p
JOIN store.article_versions AS v ON v.article_id = p.article_id AND v.version = p.article_version
QUALIFY row_number() OVER (PARTITION BY p.article_id, p.article_version
                           ORDER BY p.run_id, p.batch_number NULLS FIRST, p.page_ordinal) = 1;
