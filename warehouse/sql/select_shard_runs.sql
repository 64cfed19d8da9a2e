-- The runs the shards of one sharded daily run recorded (their params carry the parent flow run's id).
SELECT run_id, status, counts, started_at, ended_at
FROM runs
WHERE json_extract_string(params, '$.parent') = $parent
ORDER BY run_id;
