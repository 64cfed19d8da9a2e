-- Grain: keeps one row per open conflict: its latest event, when that event is "opened" (a closed
-- conflict's latest event is "closed"). The one copy of "the conflict is open", as a QUALIFY predicate over
-- conflict event rows; narrow them to whole conflicts only, never single events.
CREATE OR REPLACE MACRO is_open_conflict(conflict_id, event_id, event) AS
    row_number() OVER (PARTITION BY conflict_id ORDER BY event_id DESC) = 1 AND event = 'opened';
