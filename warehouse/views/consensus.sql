-- Grain: one row per figure key (metric, entity, partner, segment, basis, kind, period, unit, projection)
-- with a dated period: the value cluster with the most independent witnesses (ties: the most recent
-- official report, then the newest), leaving out clusters a later revision superseded. contested: another
-- cluster has at least two independent witnesses. period_unknown counts the key's current figures that
-- gave no period (or one that is no days, such as 2025-02-30), which are never part of a consensus. Point-in-time figures (stocks) are grouped in
-- windows of conflicts.stock_window_days; their period is the window's first and last day.
CREATE OR REPLACE MACRO consensus_as_of(max_run) AS TABLE
WITH current AS (
    SELECT * FROM latest_snapshot(max_run) WHERE cluster_id IS NOT NULL
), groups AS (
    SELECT group_id,
           count(*) FILTER (WHERE superseded_by IS NULL) AS clusters,
           count(*) FILTER (WHERE superseded_by IS NOT NULL) AS superseded,
           max(witnesses) FILTER (WHERE superseded_by IS NULL AND NOT consensus) AS runner_up_witnesses
    FROM current
    GROUP BY group_id
), undated AS (
    SELECT metric, entity, partner, segment, basis, kind, unit, projection, count(*) AS period_unknown
    FROM observations_as_of(max_run)
    WHERE period_start IS NULL AND metric IS NOT NULL AND conversion_of IS NULL
    GROUP BY ALL
)
SELECT c.metric, c.entity, c.partner, c.segment, c.basis, c.kind, c.period, c.period_start, c.period_end,
       c.unit, c.projection, c.value, c.qualifier, c.value_low AS consensus_low, c.value_high AS consensus_high,
       c.witnesses, c.articles, array_to_string(c.outlets, '; ') AS outlets, c.first_reported_at,
       c.last_reported_at, g.clusters, coalesce(g.runner_up_witnesses >= 2, false) AS contested,
       g.superseded, coalesce(u.period_unknown, 0) AS period_unknown, c.run_id AS updated_run_id
FROM current AS c
JOIN groups AS g USING (group_id)
LEFT JOIN undated AS u
  ON u.metric = c.metric AND u.entity = c.entity AND u.partner IS NOT DISTINCT FROM c.partner
 AND u.segment IS NOT DISTINCT FROM c.segment AND u.basis IS NOT DISTINCT FROM c.basis
 AND u.kind IS NOT DISTINCT FROM c.kind AND u.unit = c.unit AND u.projection = c.projection
WHERE c.consensus;

CREATE OR REPLACE VIEW consensus AS FROM consensus_as_of(as_of_run());
