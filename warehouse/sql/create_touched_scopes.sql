-- The figure scopes this batch touched: the keys (metric, entity, partner, segment, basis, kind, unit,
-- projection) of every figure stored for an article the batch added, re-versioned or re-extracted, any
-- version, so that a figure that moved away (a re-dated correction) leaves its old scope recomputed too.
-- A flow's scope is its key and period; a point in time (a YYYY-MM-DD period) scopes the key's stock
-- figures of every date ('@point'), which are then grouped into windows. Each scope gets the id of the
-- snapshot this load writes for it.
CREATE OR REPLACE TEMP TABLE touched_scopes AS
WITH touched_articles AS (
    SELECT article_id FROM batch_extractions
    UNION
    SELECT article_id FROM batch_articles WHERE status = 'new_version'
), keys AS (
    SELECT DISTINCT metric, entity, partner, segment, basis, kind, unit, projection,
           CASE WHEN length(period) = 10 AND period[5] = '-' THEN '@point' ELSE period END AS scope_period
    FROM store.observations
    WHERE article_id IN (SELECT article_id FROM touched_articles)
      AND metric IS NOT NULL AND period IS NOT NULL AND conversion_of IS NULL
)
SELECT *,
       md5(concat_ws('|', metric, entity, 'partner=' || partner, 'segment=' || segment, 'basis=' || basis,
                     'kind=' || kind, unit, projection::VARCHAR, scope_period)) AS scope_id,
       (SELECT coalesce(max(snapshot_id), 0) FROM store.cluster_snapshots)
           + row_number() OVER (ORDER BY metric, entity, partner, segment, basis, kind, unit, projection,
                                         scope_period) AS snapshot_id
FROM keys;
