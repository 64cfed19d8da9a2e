-- Group and cluster the touched figures. A period that cannot be read as days (2025-02-30) is no period: its
-- figures are left out (counted in consensus.period_unknown).
-- Group: a flow's scope is one group; a scope's point-in-time figures are chained into windows, a date
-- more than $stock_window_days after the latest earlier date opening a new group (stocks a week apart are
-- compared, a year apart are not).
-- Cluster: within a group, figures ordered by the low end of their interval; a figure opens a new cluster
-- when its interval starts after every earlier interval ended (open ends of "over"/"under" included, as in
-- figures_compatible), so a cluster is a chain of overlapping intervals and two clusters cannot both hold.
-- Speed: DuckDB's window operator costs about 5 ms per window per thousand partitions, so no window here is
-- partitioned. Each is one running aggregate over all scopes or groups in order: the largest struct
-- (scope or group, end, ...) before a figure is of its own scope or group exactly when that has an earlier
-- figure (a struct compares field by field), and a running count of the figures that open a session or
-- cluster numbers them across all groups at once (the first figure of a group always opens one). One chain
-- of steps, each read once: a lone figure needs no branch of its own, since the running aggregates give it
-- its own window, group and cluster (planning the branches cost more than the rows they skipped).
CREATE OR REPLACE TEMP TABLE touched_clusters AS
WITH points AS (
    SELECT * EXCLUDE (quote, url, published_at, run_id, load_order),
           max({'scope_id': scope_id, 'p_end': p_end}) OVER (
               ORDER BY scope_id, p_start, p_end, article_id, ordinal
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev
    FROM touched_figures
    WHERE point AND p_start IS NOT NULL AND p_end IS NOT NULL
), sessions AS (
    SELECT * EXCLUDE (prev),
           sum(CASE WHEN prev.scope_id IS DISTINCT FROM scope_id OR p_start - prev.p_end > $stock_window_days
                    THEN 1 ELSE 0 END)
               OVER (ORDER BY scope_id, p_start, p_end, article_id, ordinal ROWS UNBOUNDED PRECEDING) AS session
    FROM points
), session_bounds AS (
    SELECT session, min(p_start) AS group_start, max(p_end) AS group_end FROM sessions GROUP BY session
), edges AS (
    -- a flow's scope is one group, with no windows to compute
    SELECT * EXCLUDE (quote, url, published_at, run_id, load_order), p_start AS group_start, p_end AS group_end,
           scope_id AS group_id
    FROM touched_figures
    WHERE NOT point AND p_start IS NOT NULL AND p_end IS NOT NULL
    UNION ALL BY NAME
    SELECT s.* EXCLUDE (session), b.group_start, b.group_end,
           md5(s.scope_id || ':' || b.group_start::VARCHAR) AS group_id
    FROM sessions AS s
    JOIN session_bounds AS b USING (session)
), ordered AS (
    -- the highest end before a figure in its group, and whether an interval ending there includes its end
    -- (not only "under" figures end there): a figure starting at that end overlaps a closed one
    SELECT *,
           max({'group_id': group_id, 'high': high, 'closed': qualifier <> 'under'}) OVER (
               ORDER BY group_id, low, high, article_id, ordinal
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev
    FROM edges
), numbered AS (
    SELECT * EXCLUDE (prev),
           sum(CASE WHEN prev.group_id IS DISTINCT FROM group_id OR low > prev.high
                         OR (low = prev.high AND (qualifier = 'over' OR NOT prev.closed))
                    THEN 1 ELSE 0 END)
               OVER (ORDER BY group_id, low, high, article_id, ordinal ROWS UNBOUNDED PRECEDING) AS cluster_seq
    FROM ordered
), clusters AS (
    -- named after its first-reported figure, so a cluster keeps its id while witnesses join it
    SELECT cluster_seq,
           arg_min(article_id || ':' || ordinal::VARCHAR, (reported_at, article_id, ordinal)) AS first_figure
    FROM numbered
    GROUP BY cluster_seq
)
SELECT n.* EXCLUDE (cluster_seq), md5(n.group_id || ':' || c.first_figure) AS cluster_id
FROM numbered AS n
JOIN clusters AS c USING (cluster_seq);
