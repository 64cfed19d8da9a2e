-- Grain: one row per observation ever stored.
CREATE OR REPLACE MACRO observation_history_as_of(max_run) AS TABLE
SELECT o.article_id, v.url, v.source, v.published_at, o.article_version, o.extractor_version, o.run_id,
       o.ordinal, o.metric, o.subject, o.entity, o.partner, o.period, o.value, o.unit, o.qualifier,
       o.projection, o.resolution, o.conversion_of, o.quote, o.start_offset, o.end_offset, o.segment,
       o.basis, o.kind, o.unit_text,
       -- figures stored before the bounds were recorded get them from their period string
       coalesce(o.period_start, period_start_of(o.period)) AS period_start,
       coalesce(o.period_end, period_end_of(o.period)) AS period_end
FROM store.observations AS o
JOIN store.article_versions AS v ON v.article_id = o.article_id AND v.version = o.article_version
WHERE o.run_id <= max_run AND v.run_id <= max_run;

CREATE OR REPLACE VIEW observation_history AS FROM observation_history_as_of(as_of_run());
