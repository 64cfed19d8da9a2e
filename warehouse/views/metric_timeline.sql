-- Grain: one row per metric, entity, partner, segment, basis, kind, period, unit and projection flag
-- reported by any article.
CREATE OR REPLACE MACRO metric_timeline_as_of(max_run) AS TABLE
WITH figures AS (
    SELECT o.metric, o.entity, o.partner, o.segment, o.basis, o.kind, o.period, o.unit, o.projection, o.value,
           o.qualifier, o.resolution, o.article_id, a.simhash, coalesce(o.published_at, a.first_fetched_at) AS reported_at
    FROM observations_as_of(max_run) AS o
    JOIN articles_as_of(max_run) AS a USING (article_id)
    WHERE o.metric IS NOT NULL AND o.conversion_of IS NULL
), reports AS (
    SELECT metric, entity, partner, segment, basis, kind, period, unit, projection, article_id,
           any_value(simhash) AS simhash, min(reported_at) AS reported_at
    FROM figures
    GROUP BY ALL
), witnesses AS (
    -- an article is a witness unless an earlier article with the same figure key is a near-copy of it
    -- (simhash Hamming distance <= 3 of 64 bits): wire copies count once
    SELECT r.metric, r.entity, r.partner, r.segment, r.basis, r.kind, r.period, r.unit, r.projection,
           count(*) AS witnesses
    FROM reports AS r
    WHERE NOT EXISTS (
        SELECT 1 FROM reports AS e
        WHERE e.metric = r.metric AND e.entity = r.entity AND e.partner IS NOT DISTINCT FROM r.partner
          AND e.segment IS NOT DISTINCT FROM r.segment AND e.basis IS NOT DISTINCT FROM r.basis
          AND e.kind IS NOT DISTINCT FROM r.kind
          AND e.period IS NOT DISTINCT FROM r.period AND e.unit = r.unit AND e.projection = r.projection
          AND (e.reported_at < r.reported_at OR (e.reported_at = r.reported_at AND e.article_id < r.article_id))
          AND bit_count(xor(e.simhash, r.simhash)) <= 3)
    GROUP BY ALL
), open_conflicts AS (
    SELECT metric, entity, partner, segment, basis, kind, period, unit, projection, count(*) AS open_conflicts
    FROM conflicts_as_of(max_run)
    GROUP BY ALL
), summary AS (
    SELECT metric, entity, partner, segment, basis, kind, period, unit, projection,
           max(figure_low(value, qualifier, resolution)) AS consensus_low,
           min(figure_high(value, qualifier, resolution)) AS consensus_high,
           min(value) AS value_low, max(value) AS value_high,
           count(DISTINCT article_id) AS articles, count(*) AS reports,
           min(reported_at) AS first_reported_at, max(reported_at) AS last_reported_at
    FROM figures
    GROUP BY ALL
)
SELECT s.metric, s.entity, s.partner, s.segment, s.basis, s.kind, s.period, s.unit, s.projection,
       s.consensus_low <= s.consensus_high AS agreed,
       CASE WHEN s.consensus_low <= s.consensus_high THEN s.consensus_low END AS consensus_low,
       CASE WHEN s.consensus_low <= s.consensus_high THEN s.consensus_high END AS consensus_high,
       s.value_low, s.value_high, s.articles, w.witnesses, s.reports, s.first_reported_at, s.last_reported_at,
       coalesce(c.open_conflicts, 0) AS open_conflicts
FROM summary AS s
JOIN witnesses AS w
  ON w.metric = s.metric AND w.entity = s.entity AND w.partner IS NOT DISTINCT FROM s.partner
 AND w.segment IS NOT DISTINCT FROM s.segment AND w.basis IS NOT DISTINCT FROM s.basis
 AND w.kind IS NOT DISTINCT FROM s.kind
 AND w.period IS NOT DISTINCT FROM s.period AND w.unit = s.unit AND w.projection = s.projection
LEFT JOIN open_conflicts AS c
  ON c.metric = s.metric AND c.entity = s.entity AND c.partner IS NOT DISTINCT FROM s.partner
 AND c.segment IS NOT DISTINCT FROM s.segment AND c.basis IS NOT DISTINCT FROM s.basis
 AND c.kind IS NOT DISTINCT FROM s.kind
 AND c.period IS NOT DISTINCT FROM s.period AND c.unit = s.unit AND c.projection = s.projection;

CREATE OR REPLACE VIEW metric_timeline AS FROM metric_timeline_as_of(as_of_run());
