-- Grain: one row per source and publication day, from the latest run that reported it.
-- status: failed (the listing failed, see error), quiet (nothing listed), complete (every listed entry
-- stored or handled) or gap (fewer stored than listed).
CREATE OR REPLACE MACRO coverage_as_of(max_run) AS TABLE
SELECT source, day, listed, fetched, stored, run_id,
       CASE WHEN error IS NOT NULL THEN 'failed'
            WHEN listed = 0 THEN 'quiet'
            WHEN stored >= listed THEN 'complete'
            ELSE 'gap' END AS status,
       error
FROM store.coverage_reports
WHERE run_id <= max_run
QUALIFY row_number() OVER (PARTITION BY source, day ORDER BY run_id DESC) = 1;

CREATE OR REPLACE VIEW coverage AS FROM coverage_as_of(as_of_run());
