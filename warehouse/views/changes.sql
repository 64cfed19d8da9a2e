-- Grain: one row per change a run made to what the warehouse says about a figure key: 'new_key' (first
-- figures of a key), 'consensus_moved' (another value cluster became the consensus), 'superseded' (a
-- figure that says it revises an earlier one, or an official release after a preliminary figure, replaced
-- a cluster: a change, not a disagreement), 'disagreement_opened' and 'disagreement_closed'.
CREATE OR REPLACE MACRO changes_as_of(max_run) AS TABLE
WITH snapshots AS (
    SELECT DISTINCT scope_id, snapshot_id
    FROM store.cluster_snapshots
    WHERE run_id <= max_run
), sequence AS (
    SELECT *, lag(snapshot_id) OVER (PARTITION BY scope_id ORDER BY snapshot_id) AS previous_snapshot_id
    FROM snapshots
), clusters AS (
    SELECT c.*, s.previous_snapshot_id
    FROM store.cluster_snapshots AS c
    JOIN sequence AS s USING (scope_id, snapshot_id)
    WHERE c.cluster_id IS NOT NULL
), new_keys AS (
    SELECT c.*, 'new_key' AS change, CAST(NULL AS DOUBLE) AS old_value, c.value AS new_value,
           CAST(NULL AS VARCHAR) AS disagreement_id
    FROM clusters AS c
    WHERE c.consensus
      AND NOT EXISTS (SELECT 1 FROM store.cluster_snapshots AS e
                      WHERE e.group_id = c.group_id AND e.snapshot_id < c.snapshot_id)
), moved AS (
    SELECT c.*, 'consensus_moved' AS change, p.value AS old_value, c.value AS new_value,
           CAST(NULL AS VARCHAR) AS disagreement_id
    FROM clusters AS c
    JOIN store.cluster_snapshots AS p
      ON p.snapshot_id = c.previous_snapshot_id AND p.group_id = c.group_id AND p.consensus
    WHERE c.consensus AND p.cluster_id <> c.cluster_id
), superseded AS (
    SELECT c.*, 'superseded' AS change, c.value AS old_value, n.value AS new_value,
           CAST(NULL AS VARCHAR) AS disagreement_id
    FROM clusters AS c
    JOIN store.cluster_snapshots AS n ON n.snapshot_id = c.snapshot_id AND n.cluster_id = c.superseded_by
    WHERE NOT EXISTS (SELECT 1 FROM store.cluster_snapshots AS p
                      WHERE p.snapshot_id = c.previous_snapshot_id AND p.cluster_id = c.cluster_id
                        AND p.superseded_by IS NOT NULL)
), cluster_changes AS (
    SELECT run_id, change, metric, entity, partner, segment, basis, kind, period, period_start, period_end,
           unit, projection, old_value, new_value, witnesses, disagreement_id, snapshot_id
    FROM (SELECT * FROM new_keys UNION ALL SELECT * FROM moved UNION ALL SELECT * FROM superseded)
), disagreement_changes AS (
    SELECT h.run_id, 'disagreement_' || h.event AS change, h.metric, h.entity, h.partner, h.segment, h.basis,
           h.kind, h.period, h.period_start, h.period_end, h.unit, h.projection,
           h.other_value AS old_value, h.value AS new_value, CAST(NULL AS BIGINT) AS witnesses,
           h.disagreement_id, h.snapshot_id
    FROM disagreement_history_as_of(max_run) AS h
)
SELECT x.run_id, r.started_at AS changed_at, x.change, x.metric, x.entity, x.partner, x.segment, x.basis,
       x.kind, x.period, x.period_start, x.period_end, x.unit, x.projection, x.old_value, x.new_value,
       x.witnesses, x.disagreement_id
FROM (SELECT * FROM cluster_changes UNION ALL SELECT * FROM disagreement_changes) AS x
JOIN store.run_started AS r USING (run_id)
ORDER BY x.run_id, x.snapshot_id, x.change, x.metric, x.entity, x.period;

CREATE OR REPLACE VIEW changes AS FROM changes_as_of(as_of_run());
