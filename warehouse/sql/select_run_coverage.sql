-- Per-day coverage one backfill run recorded, with its status (failed, quiet, complete, gap).
SELECT source, day, status, listed, fetched, stored, error FROM coverage WHERE run_id = $run_id
ORDER BY source, day;
