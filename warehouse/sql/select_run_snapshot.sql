-- The DuckLake snapshot that recorded the end of a run (tagged by tag_lake_commit): the catalog as that
-- run left it, for ATTACH ... (SNAPSHOT_VERSION n) and AT (VERSION => n).
SELECT max(snapshot_id)
FROM lake.snapshots()
WHERE json_extract_string(commit_extra_info, '$.run_id') = $run_id::VARCHAR
  AND json_extract_string(commit_extra_info, '$.step') = 'finished';
