-- The next run id: one more than the highest ever started (the single writer holds the lock).
SELECT coalesce(max(run_id), 0) + 1 FROM store.run_started;
