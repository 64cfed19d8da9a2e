-- The changes made by runs after run $after_run (NULL: any) that started at or after $since (NULL: any).
SELECT *
FROM changes
WHERE ($after_run::BIGINT IS NULL OR run_id > $after_run::BIGINT)
  AND ($since::TIMESTAMPTZ IS NULL OR changed_at >= $since::TIMESTAMPTZ)
ORDER BY run_id, change, metric, entity, period_start, period;
