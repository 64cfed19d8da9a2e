-- Grain: keeps the rows of each figure scope's latest cluster snapshot (the highest snapshot_id of the
-- scope): the current value clusters. A snapshot holds several rows, one per cluster, so the rule compares
-- with the scope's maximum instead of numbering rows; narrow the rows to whole scopes only.
CREATE OR REPLACE MACRO is_latest_snapshot(scope_id, snapshot_id) AS
    snapshot_id = max(snapshot_id) OVER (PARTITION BY scope_id);

CREATE OR REPLACE MACRO latest_snapshot(max_run) AS TABLE
SELECT *
FROM store.cluster_snapshots
WHERE run_id <= max_run
QUALIFY is_latest_snapshot(scope_id, snapshot_id);
