-- Grain: one row per figure whose value changed between two consecutive extracted versions of an article.
CREATE OR REPLACE MACRO revisions_as_of(max_run) AS TABLE
WITH versions AS (
    SELECT x.article_id, x.article_version, x.extractor_version,
           lag(x.article_version) OVER (PARTITION BY x.article_id ORDER BY x.article_version) AS prev_version
    FROM current_extraction(max_run) AS x
), figures AS (
    SELECT DISTINCT o.article_id, o.article_version, o.metric, o.entity, o.partner, o.segment, o.basis,
           o.kind, o.period, o.unit, o.projection, o.value
    FROM store.observations AS o
    JOIN versions AS x USING (article_id, article_version, extractor_version)
    WHERE o.conversion_of IS NULL AND o.metric IS NOT NULL AND o.run_id <= max_run
), pairs AS (
    SELECT n.article_id, n.metric, n.entity, n.partner, n.segment, n.basis, n.kind, n.period, n.unit,
           n.projection,
           o.value AS old_value, n.value AS new_value,
           o.article_version AS old_version, n.article_version AS new_version
    FROM versions AS x
    JOIN figures AS n ON n.article_id = x.article_id AND n.article_version = x.article_version
    JOIN figures AS o
      ON o.article_id = x.article_id AND o.article_version = x.prev_version
     AND o.metric = n.metric AND o.entity = n.entity AND o.partner IS NOT DISTINCT FROM n.partner
     AND o.period IS NOT DISTINCT FROM n.period AND o.unit = n.unit AND o.projection = n.projection
     AND o.segment IS NOT DISTINCT FROM n.segment AND o.basis IS NOT DISTINCT FROM n.basis
     AND o.kind IS NOT DISTINCT FROM n.kind
    WHERE o.value <> n.value
)
SELECT v.url, p.metric, p.entity, p.partner, p.period, p.unit, p.projection, p.old_value, p.new_value,
       p.old_version, p.new_version, v.fetched_at AS revised_at, p.article_id, p.segment, p.basis, p.kind
FROM pairs AS p
JOIN store.article_versions AS v ON v.article_id = p.article_id AND v.version = p.new_version
-- a value still present in the other version is a figure that moved, not one that changed
WHERE NOT EXISTS (
        SELECT 1 FROM figures AS f
        WHERE f.article_id = p.article_id AND f.article_version = p.new_version AND f.value = p.old_value
          AND f.metric = p.metric AND f.entity = p.entity AND f.partner IS NOT DISTINCT FROM p.partner
          AND f.period IS NOT DISTINCT FROM p.period AND f.unit = p.unit AND f.projection = p.projection
          AND f.segment IS NOT DISTINCT FROM p.segment AND f.basis IS NOT DISTINCT FROM p.basis
          AND f.kind IS NOT DISTINCT FROM p.kind)
  AND NOT EXISTS (
        SELECT 1 FROM figures AS f
        WHERE f.article_id = p.article_id AND f.article_version = p.old_version AND f.value = p.new_value
          AND f.metric = p.metric AND f.entity = p.entity AND f.partner IS NOT DISTINCT FROM p.partner
          AND f.period IS NOT DISTINCT FROM p.period AND f.unit = p.unit AND f.projection = p.projection
          AND f.segment IS NOT DISTINCT FROM p.segment AND f.basis IS NOT DISTINCT FROM p.basis
          AND f.kind IS NOT DISTINCT FROM p.kind);

CREATE OR REPLACE VIEW revisions AS FROM revisions_as_of(as_of_run());
