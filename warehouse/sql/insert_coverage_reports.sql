-- Append a run's coverage counts per source and publication day.
INSERT INTO store.coverage_reports (run_id, source, day, listed, fetched, stored, error)
SELECT $run_id, source, day, listed, fetched, stored, error
FROM staged_coverage;
