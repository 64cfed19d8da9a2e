-- Group and cluster the touched figures.
-- Group: a flow's scope is one group; a scope's point-in-time figures are chained into windows, a date
-- more than $stock_window_days after the latest earlier date opening a new group (stocks a week apart are
-- compared, a year apart are not).
-- Cluster: within a group, figures ordered by the low end of their interval; a figure opens a new cluster
-- when its interval starts after every earlier interval ended (open ends of "over"/"under" included, as in
-- figures_compatible), so a cluster is a chain of overlapping intervals and two clusters cannot both hold.
-- Speed: DuckDB's window operator costs about 5 ms per window per thousand partitions, and most touched
-- scopes and groups hold one figure, so a scope with one point-in-time figure and a group with one figure
-- skip the windows: their group and cluster are the figure itself (what the windows would give them).
CREATE OR REPLACE TEMP TABLE touched_clusters AS
WITH point_scopes AS (
    -- the scopes with more than one point-in-time figure: only these are chained into windows
    SELECT scope_id FROM touched_figures WHERE scope_period = '@point' GROUP BY scope_id HAVING count(*) > 1
), points AS (
    SELECT * FROM touched_figures
    WHERE scope_period = '@point' AND scope_id IN (SELECT scope_id FROM point_scopes)
), sessions AS (
    SELECT *,
           sum(CASE WHEN prev_end IS NULL OR p_start - prev_end > $stock_window_days THEN 1 ELSE 0 END)
               OVER (PARTITION BY scope_id ORDER BY p_start, p_end, article_id, ordinal
                     ROWS UNBOUNDED PRECEDING) AS session
    FROM (SELECT *,
                 max(p_end) OVER (PARTITION BY scope_id ORDER BY p_start, p_end, article_id, ordinal
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
          FROM points)
), point_groups AS (
    SELECT * EXCLUDE (prev_end, session),
           min(p_start) OVER (PARTITION BY scope_id, session) AS group_start,
           max(p_end) OVER (PARTITION BY scope_id, session) AS group_end
    FROM sessions
), edges AS (
    -- a flow's scope is one group, with no windows to compute
    SELECT *, p_start AS group_start, p_end AS group_end, scope_id AS group_id
    FROM touched_figures
    WHERE scope_period <> '@point'
    UNION ALL BY NAME
    -- a scope's lone point-in-time figure is a window of its own
    SELECT *, p_start AS group_start, p_end AS group_end, md5(scope_id || ':' || p_start::VARCHAR) AS group_id
    FROM touched_figures
    WHERE scope_period = '@point' AND scope_id NOT IN (SELECT scope_id FROM point_scopes)
    UNION ALL BY NAME
    SELECT *, md5(scope_id || ':' || group_start::VARCHAR) AS group_id
    FROM point_groups
), group_sizes AS (
    SELECT group_id, count(*) AS figures FROM edges GROUP BY group_id
), shared AS (
    SELECT e.* FROM edges AS e JOIN group_sizes AS g USING (group_id) WHERE g.figures > 1
), alone AS (
    SELECT e.* FROM edges AS e JOIN group_sizes AS g USING (group_id) WHERE g.figures = 1
), ordered AS (
    SELECT *,
           max(high) OVER w AS prev_high,
           arg_max(qualifier, high) OVER w AS prev_high_qualifier
    FROM shared
    WINDOW w AS (PARTITION BY group_id ORDER BY low, high, article_id, ordinal
                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), numbered AS (
    SELECT *,
           sum(CASE WHEN prev_high IS NULL OR low > prev_high
                         OR (low = prev_high AND (qualifier = 'over' OR prev_high_qualifier = 'under'))
                    THEN 1 ELSE 0 END)
               OVER (PARTITION BY group_id ORDER BY low, high, article_id, ordinal ROWS UNBOUNDED PRECEDING)
               AS cluster_no
    FROM ordered
)
SELECT * EXCLUDE (prev_high, prev_high_qualifier),
       -- named after its first-reported figure, so a cluster keeps its id while witnesses join it
       md5(group_id || ':' || first_value(article_id || ':' || ordinal::VARCHAR)
           OVER (PARTITION BY group_id, cluster_no ORDER BY reported_at, article_id, ordinal)) AS cluster_id
FROM numbered
UNION ALL BY NAME
SELECT *, 1::HUGEINT AS cluster_no, md5(group_id || ':' || (article_id || ':' || ordinal::VARCHAR)) AS cluster_id
FROM alone;
