-- Open disagreements, most recently opened first; $since (a moment, or NULL) keeps those opened by runs
-- started at or after it.
SELECT d.*, r.started_at AS opened_at
FROM disagreements AS d
LEFT JOIN runs AS r ON r.run_id = d.opened_run_id
WHERE $since::TIMESTAMPTZ IS NULL OR r.started_at >= $since::TIMESTAMPTZ
ORDER BY d.opened_run_id DESC, d.metric, d.entity, d.period_start, d.disagreement_id;
