-- Grain: one row per pair of value clusters of one group in one snapshot that cannot both hold, neither
-- superseded by a revision: a disagreement as that snapshot saw it. The id is the md5 of the two cluster
-- ids, so a disagreement keeps its id while witnesses join either side.
CREATE OR REPLACE MACRO is_disagreement_pair(cluster_id, other_cluster_id, superseded_by, other_superseded_by) AS
    cluster_id < other_cluster_id AND superseded_by IS NULL AND other_superseded_by IS NULL;

CREATE OR REPLACE MACRO disagreement_pair(max_run) AS TABLE
SELECT md5(a.cluster_id || ':' || b.cluster_id) AS disagreement_id,
       a.snapshot_id, a.run_id, a.scope_id, a.group_id,
       a.metric, a.entity, a.partner, a.segment, a.basis, a.kind, a.period, a.period_start, a.period_end,
       a.unit, a.projection,
       a.cluster_id, b.cluster_id AS other_cluster_id
FROM store.cluster_snapshots AS a
JOIN store.cluster_snapshots AS b ON b.snapshot_id = a.snapshot_id AND b.group_id = a.group_id
WHERE a.run_id <= max_run
  AND is_disagreement_pair(a.cluster_id, b.cluster_id, a.superseded_by, b.superseded_by);
