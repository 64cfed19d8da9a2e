-- Open conflicts whose two sides were stored by two different runs of the given set (shards of one
-- sharded run): what no single shard could have seen on its own.
SELECT c.conflict_id, c.metric, c.entity, c.period, c.value, c.conflicting_value, c.detected_run_id,
       a.run_id AS run_id, b.run_id AS conflicting_run_id
FROM conflicts AS c
JOIN articles AS a ON a.url = c.url
JOIN articles AS b ON b.url = c.conflicting_url
WHERE list_contains($run_ids, a.run_id) AND list_contains($run_ids, b.run_id) AND a.run_id <> b.run_id
ORDER BY c.conflict_id;
