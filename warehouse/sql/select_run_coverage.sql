-- Per-day coverage one backfill run recorded: listed 0 is a quiet day, stored < listed a gap.
SELECT source, day, listed, fetched, stored FROM coverage WHERE run_id = $run_id ORDER BY source, day;
