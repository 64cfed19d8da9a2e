-- The extractions this batch adds: (article version, extractor version) pairs not processed before.
-- The extractor version comes from the page record, or else from its observations. All are of one batch
-- (batch_order 1: create_pending_batch_extractions.sql numbers the batches a deferred check reads).
CREATE OR REPLACE TEMP TABLE batch_extractions AS
WITH wanted AS (
    SELECT DISTINCT a.page_ordinal, a.article_id, a.version, e.extractor_version
    FROM batch_articles AS a
    JOIN (SELECT page_ordinal, extractor_version FROM staged_observations
          UNION
          SELECT page_ordinal, extractor_version FROM staged_pages WHERE extractor_version <> '') AS e
      USING (page_ordinal)
    WHERE a.status <> 'duplicate'
)
SELECT w.page_ordinal, w.article_id, w.version, w.extractor_version,
       (SELECT count(*) FROM staged_observations AS o
        WHERE o.page_ordinal = w.page_ordinal AND o.extractor_version = w.extractor_version) AS observation_count,
       1 AS batch_order
FROM wanted AS w
WHERE NOT EXISTS (
    SELECT 1 FROM store.extractions AS x
    WHERE x.article_id = w.article_id AND x.article_version = w.version
      AND x.extractor_version = w.extractor_version);
