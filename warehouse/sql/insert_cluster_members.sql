-- The figures of the clusters the same load snapshotted (the drill-down of a disagreement).
INSERT INTO store.cluster_members
SELECT t.snapshot_id, c.cluster_id, c.article_id, c.article_version, c.extractor_version, c.ordinal,
       c.witness_id, c.outlet
FROM touched_clusters AS c
JOIN touched_scopes AS t USING (scope_id);
