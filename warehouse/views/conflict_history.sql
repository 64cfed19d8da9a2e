-- Grain: one row per conflict event (opened or closed).
CREATE OR REPLACE MACRO conflict_history_as_of(max_run) AS TABLE
SELECT conflict_id, event, run_id, reason, metric, entity, partner, segment, basis, kind, period, unit, projection,
       value, url, conflicting_value, conflicting_url, relative_difference
FROM store.conflict_events
WHERE run_id <= max_run;

CREATE OR REPLACE VIEW conflict_history AS FROM conflict_history_as_of(as_of_run());
