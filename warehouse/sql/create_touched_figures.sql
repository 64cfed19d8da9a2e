-- The current figures (latest article version, newest extraction, no conversions) of the touched scopes:
-- the one read of the stored figures that both conflict steps and the clustering share. Each figure has
-- what they need: the interval, the period bounds (NULL for a period that cannot be read as days), the
-- witness and outlet of the article, when it was reported, and whether its sentence says it revises an
-- earlier figure (stored by the load since migration 0016, derived for figures stored before).
-- Incremental: only stored figures sharing a touched scope's key are read; the batch's fingerprints exist.
-- A figure carries its scope's id and whether the scope is of points in time, not the key's columns: two
-- figures share a key and period exactly when they share a scope and period, and the statements that need
-- the key take it from touched_scopes (each column costs its copy into the temp table and the windows' sorts).
-- load_order is the place of the figure's batch among those the check reads (0: stored before them).
CREATE OR REPLACE TEMP TABLE touched_figures AS
WITH candidates AS (
    SELECT s.article_id, s.article_version, s.extractor_version, s.run_id, s.ordinal, s.period,
           coalesce(s.period_start, period_start_of(s.period)) AS p_start,
           coalesce(s.period_end, period_end_of(s.period)) AS p_end,
           s.value, s.qualifier, s.resolution, s.quote, coalesce(s.revises, says_revises(s.quote)) AS revises,
           k.scope_id, k.scope_period = '@point' AS point
    FROM store.observations AS s
    JOIN touched_scopes AS k
      ON s.metric = k.metric AND s.entity = k.entity AND s.unit = k.unit AND s.projection = k.projection
     AND s.partner IS NOT DISTINCT FROM k.partner AND s.segment IS NOT DISTINCT FROM k.segment
     AND s.basis IS NOT DISTINCT FROM k.basis AND s.kind IS NOT DISTINCT FROM k.kind
     AND k.scope_period = CASE WHEN length(s.period) = 10 AND s.period[5] = '-' THEN '@point' ELSE s.period END
    WHERE s.conversion_of IS NULL
), latest_version AS (
    SELECT article_id, version, url, site_name, published_at, coalesce(published_at, fetched_at) AS reported_at
    FROM store.article_versions
    WHERE article_id IN (SELECT article_id FROM candidates)
    QUALIFY is_latest_version(article_id, version)
), current_extraction AS (
    SELECT x.article_id, x.article_version, x.extractor_version, l.url, l.site_name, l.published_at,
           l.reported_at
    FROM store.extractions AS x
    JOIN latest_version AS l ON l.article_id = x.article_id AND l.version = x.article_version
    QUALIFY is_current_extraction(x.article_id, x.article_version, x.run_id, x.extractor_version)
), fingerprints AS (
    SELECT article_id, version, outlet, official, witness_id
    FROM store.article_fingerprints
    WHERE article_id IN (SELECT article_id FROM latest_version)
    QUALIFY row_number() OVER (PARTITION BY article_id, version ORDER BY run_id DESC) = 1
)
SELECT c.*, x.url, x.published_at, x.reported_at,
       figure_low(c.value, c.qualifier, c.resolution) AS low,
       figure_high(c.value, c.qualifier, c.resolution) AS high,
       -- articles stored before fingerprints existed count as their own witness
       coalesce(f.witness_id, c.article_id) AS witness_id,
       coalesce(f.outlet, x.site_name, regexp_extract(x.url, '://([^/:]+)', 1)) AS outlet,
       coalesce(f.official, false) AS official,
       coalesce(e.batch_order, 0) AS load_order
FROM candidates AS c
JOIN current_extraction AS x USING (article_id, article_version, extractor_version)
LEFT JOIN fingerprints AS f ON f.article_id = c.article_id AND f.version = c.article_version
LEFT JOIN batch_extractions AS e
  ON e.article_id = c.article_id AND e.version = c.article_version AND e.extractor_version = c.extractor_version;
