-- Grain: one row per open conflict (its latest event is "opened").
CREATE OR REPLACE MACRO conflicts_as_of(max_run) AS TABLE
WITH outlets AS (
    SELECT article_id, version, outlet
    FROM store.article_fingerprints
    WHERE run_id <= max_run
    QUALIFY row_number() OVER (PARTITION BY article_id, version ORDER BY run_id DESC) = 1
), open AS (
    SELECT *
    FROM store.conflict_events
    WHERE run_id <= max_run
    QUALIFY is_open_conflict(conflict_id, event_id, event)
)
SELECT c.conflict_id, c.metric, c.entity, c.partner, c.segment, c.basis, c.kind, c.period, c.unit, c.projection,
       c.value, c.qualifier, c.url, c.published_at, c.quote, c.conflicting_value, c.conflicting_qualifier,
       c.conflicting_url, c.conflicting_published_at, c.conflicting_quote, c.relative_difference,
       c.run_id AS detected_run_id,
       -- added by migration 0015: who stands on each side
       c.article_id, coalesce(a.outlet, regexp_extract(c.url, '://([^/:]+)', 1)) AS outlet,
       c.conflicting_article_id,
       coalesce(b.outlet, regexp_extract(c.conflicting_url, '://([^/:]+)', 1)) AS conflicting_outlet
FROM open AS c
LEFT JOIN outlets AS a ON a.article_id = c.article_id AND a.version = c.article_version
LEFT JOIN outlets AS b ON b.article_id = c.conflicting_article_id AND b.version = c.conflicting_article_version;

CREATE OR REPLACE VIEW conflicts AS FROM conflicts_as_of(as_of_run());
