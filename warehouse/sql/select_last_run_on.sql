-- The last run that started on or before the given day (UTC): what the warehouse knew at its end.
SELECT coalesce(max(run_id), 0) FROM store.run_started WHERE started_at::DATE <= $day;
