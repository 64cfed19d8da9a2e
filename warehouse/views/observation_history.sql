-- Grain: one row per observation ever stored.
CREATE OR REPLACE MACRO observation_history_as_of(max_run) AS TABLE
SELECT o.article_id, v.url, v.source, v.published_at, o.article_version, o.extractor_version, o.run_id,
       o.ordinal, o.metric, o.subject, o.entity, o.partner, o.period, o.value, o.unit, o.qualifier,
       o.projection, o.resolution, o.conversion_of, o.quote, o.start_offset, o.end_offset, o.segment,
       o.basis, o.kind, o.unit_text,
       -- figures stored before the bounds were recorded get them from their period string
       coalesce(o.period_start, period_start_of(o.period)) AS period_start,
       coalesce(o.period_end, period_end_of(o.period)) AS period_end,
       -- the normalised publisher (config/outlets.toml); versions stored before outlets were recorded
       -- fall back to the page's site name, else the host
       coalesce(f.outlet, v.site_name, regexp_extract(v.url, '://([^/:]+)', 1)) AS outlet,
       -- the article this one counts as an independent witness of (itself unless a near-copy)
       coalesce(f.witness_id, o.article_id) AS witness_id
FROM store.observations AS o
JOIN store.article_versions AS v ON v.article_id = o.article_id AND v.version = o.article_version
LEFT JOIN (SELECT article_id, version, outlet, witness_id
           FROM store.article_fingerprints
           WHERE run_id <= max_run
           QUALIFY row_number() OVER (PARTITION BY article_id, version ORDER BY run_id DESC) = 1) AS f
  ON f.article_id = o.article_id AND f.version = o.article_version
WHERE o.run_id <= max_run AND v.run_id <= max_run;

CREATE OR REPLACE VIEW observation_history AS FROM observation_history_as_of(as_of_run());
