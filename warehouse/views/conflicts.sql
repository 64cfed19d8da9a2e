-- Grain: one row per open conflict (its latest event is "opened").
CREATE OR REPLACE MACRO conflicts_as_of(max_run) AS TABLE
SELECT conflict_id, metric, entity, partner, segment, basis, kind, period, unit, projection, value, qualifier, url, published_at,
       quote, conflicting_value, conflicting_qualifier, conflicting_url, conflicting_published_at,
       conflicting_quote, relative_difference, run_id AS detected_run_id
FROM store.conflict_events
WHERE run_id <= max_run
QUALIFY is_open_conflict(conflict_id, event_id, event);

CREATE OR REPLACE VIEW conflicts AS FROM conflicts_as_of(as_of_run());
