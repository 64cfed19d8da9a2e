-- Grain: one row per disagreement event: 'opened' by the snapshot of its scope in which the pair first
-- appears, 'closed' by the next snapshot of the scope without it ('superseded' when a revision replaced a
-- side, else 'resolved': a side's figures were corrected, re-dated or now agree).
CREATE OR REPLACE MACRO disagreement_history_as_of(max_run) AS TABLE
WITH snapshots AS (
    SELECT DISTINCT scope_id, snapshot_id, run_id
    FROM store.cluster_snapshots
    WHERE run_id <= max_run
), sequence AS (
    SELECT *, lag(snapshot_id) OVER (PARTITION BY scope_id ORDER BY snapshot_id) AS previous_snapshot_id
    FROM snapshots
), pairs AS (
    SELECT * FROM disagreement_pair(max_run)
), opened AS (
    SELECT p.*, 'opened' AS event, CAST(NULL AS VARCHAR) AS reason
    FROM pairs AS p
    JOIN sequence AS s USING (scope_id, snapshot_id)
    WHERE NOT EXISTS (SELECT 1 FROM pairs AS q
                      WHERE q.snapshot_id = s.previous_snapshot_id AND q.disagreement_id = p.disagreement_id)
), closed AS (
    SELECT q.* REPLACE (s.snapshot_id AS snapshot_id, s.run_id AS run_id), 'closed' AS event,
           CASE WHEN EXISTS (SELECT 1 FROM store.cluster_snapshots AS c
                             WHERE c.snapshot_id = s.snapshot_id AND c.superseded_by IS NOT NULL
                               AND c.cluster_id IN (q.cluster_id, q.other_cluster_id))
                THEN 'superseded' ELSE 'resolved' END AS reason
    FROM pairs AS q
    JOIN sequence AS s ON s.previous_snapshot_id = q.snapshot_id
    WHERE NOT EXISTS (SELECT 1 FROM pairs AS p
                      WHERE p.snapshot_id = s.snapshot_id AND p.disagreement_id = q.disagreement_id)
), events AS (
    SELECT * FROM opened
    UNION ALL BY NAME
    SELECT * FROM closed
)
SELECT e.disagreement_id, e.event, e.run_id, e.reason, e.metric, e.entity, e.partner, e.segment, e.basis,
       e.kind, e.period, e.period_start, e.period_end, e.unit, e.projection,
       a.value, b.value AS other_value, e.snapshot_id
FROM events AS e
LEFT JOIN store.cluster_snapshots AS a ON a.cluster_id = e.cluster_id AND a.snapshot_id = (
    SELECT max(x.snapshot_id) FROM store.cluster_snapshots AS x
    WHERE x.cluster_id = e.cluster_id AND x.snapshot_id <= e.snapshot_id)
LEFT JOIN store.cluster_snapshots AS b ON b.cluster_id = e.other_cluster_id AND b.snapshot_id = (
    SELECT max(x.snapshot_id) FROM store.cluster_snapshots AS x
    WHERE x.cluster_id = e.other_cluster_id AND x.snapshot_id <= e.snapshot_id);

CREATE OR REPLACE VIEW disagreement_history AS FROM disagreement_history_as_of(as_of_run());
