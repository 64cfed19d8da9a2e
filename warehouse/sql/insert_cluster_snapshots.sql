-- One snapshot row per value cluster of every touched scope (one row with NULL cluster_id for a scope
-- left without figures): its representative value (the one most witnesses report), interval, witnesses,
-- outlets and report times, whether a later revision supersedes it, and whether it is the consensus.
-- Supersession: a cluster is replaced by one whose first revising or official report came after the
-- cluster's last report (the earliest such; a tie goes to the one reported last, then the highest id).
-- Consensus: among the clusters not superseded, the most independent witnesses, then the most recent official
-- report, then the newest report.
-- Speed: no window partitioned by cluster or group (DuckDB's window operator costs about 5 ms per thousand
-- partitions): the representative value and the consensus are each one arg_min per cluster or group. A tie
-- the representative's order leaves (one value with two qualifiers or resolutions, as many witnesses, first
-- reported at once) goes to the first qualifier, then the smallest resolution, instead of either.
INSERT INTO store.cluster_snapshots
WITH votes AS (
    SELECT cluster_id, value, qualifier, resolution, count(DISTINCT witness_id) AS n, min(reported_at) AS first_at
    FROM touched_clusters
    GROUP BY ALL
), representative AS (
    SELECT cluster_id,
           arg_min({'value': value, 'qualifier': qualifier, 'resolution': resolution},
                   (-n, first_at, value, qualifier, resolution)) AS r
    FROM votes
    GROUP BY cluster_id
), clusters AS (
    SELECT scope_id, group_id, cluster_id,
           any_value(period) AS period,
           any_value(group_start) AS period_start, any_value(group_end) AS period_end,
           min(low) AS value_low, max(high) AS value_high,
           count(DISTINCT witness_id) AS witnesses, count(DISTINCT article_id) AS articles, count(*) AS reports,
           list(DISTINCT outlet ORDER BY outlet) AS outlets,
           min(reported_at) AS first_reported_at, max(reported_at) AS last_reported_at,
           min(reported_at) FILTER (WHERE official) AS official_at,
           min(reported_at) FILTER (WHERE revises) AS revision_at
    FROM touched_clusters
    GROUP BY scope_id, group_id, cluster_id
), superseded AS (
    -- the first later revision; of revisions that arrived at once, the one reported last, then the highest id
    SELECT a.cluster_id,
           arg_max(b.cluster_id, (-epoch_us(least(b.revision_at, b.official_at)), b.last_reported_at,
                                  b.cluster_id)) AS superseded_by
    FROM clusters AS a
    JOIN clusters AS b
      ON b.group_id = a.group_id AND b.cluster_id <> a.cluster_id
     AND least(b.revision_at, b.official_at) > a.last_reported_at
    GROUP BY a.cluster_id
), standing AS (
    SELECT c.*, s.superseded_by
    FROM clusters AS c
    LEFT JOIN superseded AS s USING (cluster_id)
), best AS (
    -- the order of consensus as one ascending key: most witnesses, latest official report (none last),
    -- newest report, then the cluster id
    SELECT group_id,
           arg_min(cluster_id, (-witnesses, coalesce(-epoch_us(official_at), 9223372036854775807),
                                coalesce(-epoch_us(last_reported_at), 9223372036854775807), cluster_id)) AS best
    FROM standing
    WHERE superseded_by IS NULL
    GROUP BY group_id
), ranked AS (
    SELECT s.*, s.superseded_by IS NULL AND coalesce(s.cluster_id = b.best, false) AS consensus
    FROM standing AS s
    LEFT JOIN best AS b USING (group_id)
)
SELECT t.snapshot_id, $run_id AS run_id, t.scope_id, r.group_id, r.cluster_id,
       t.metric, t.entity, t.partner, t.segment, t.basis, t.kind, t.unit, t.projection,
       CASE WHEN t.scope_period <> '@point' THEN r.period
            WHEN r.period_start = r.period_end THEN strftime(r.period_start, '%Y-%m-%d')
            ELSE strftime(r.period_start, '%Y-%m-%d') || '..' || strftime(r.period_end, '%Y-%m-%d') END AS period,
       r.period_start, r.period_end, p.r.value, p.r.qualifier, p.r.resolution, r.value_low, r.value_high,
       r.witnesses, r.articles, r.reports, r.outlets, r.first_reported_at, r.last_reported_at,
       r.official_at, r.revision_at, r.superseded_by, r.consensus
FROM touched_scopes AS t
LEFT JOIN ranked AS r USING (scope_id)
LEFT JOIN representative AS p USING (cluster_id);
