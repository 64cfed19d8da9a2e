-- Open conflicts, newest detection first; $since (a day, or NULL) keeps those detected by runs started since.
SELECT c.*
FROM conflicts AS c
JOIN runs AS r ON r.run_id = c.detected_run_id
WHERE $since::DATE IS NULL OR r.started_at::DATE >= $since::DATE
ORDER BY c.detected_run_id DESC, c.metric, c.entity, c.period, c.conflict_id;
