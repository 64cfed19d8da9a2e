-- Public views, each defined over a table macro <view>_as_of(max_run) that shows the warehouse as it was
-- after run max_run; the views pass the session variable as_of_run (SET VARIABLE as_of_run = 5), or every
-- run when it is unset.

-- Grain: one row per run.
CREATE MACRO runs_as_of(max_run) AS TABLE
WITH finished AS (
    SELECT run_id, ended_at, status, counts, errors
    FROM store.run_finished
    WHERE run_id <= max_run
    QUALIFY row_number() OVER (PARTITION BY run_id ORDER BY ended_at DESC) = 1
)
SELECT s.run_id, s.flow, s.params, s.started_at, f.ended_at,
       coalesce(f.status, 'unfinished') AS status, f.counts, f.errors
FROM store.run_started AS s
LEFT JOIN finished AS f USING (run_id)
WHERE s.run_id <= max_run;

-- Grain: one row per article version; superseded_at is derived (next version's fetch), never updated.
CREATE MACRO article_versions_as_of(max_run) AS TABLE
SELECT article_id, version, url, source, run_id, cleaner_version, fetched_at,
       lead(fetched_at) OVER (PARTITION BY article_id ORDER BY version) AS superseded_at,
       published_at, date_source, title, author, site_name, language, text, content_hash, simhash
FROM store.article_versions
WHERE run_id <= max_run;

-- Grain: one row per article, its latest version.
CREATE MACRO articles_as_of(max_run) AS TABLE
SELECT article_id, version, url, source, run_id, cleaner_version,
       min(fetched_at) OVER (PARTITION BY article_id) AS first_fetched_at,
       fetched_at, published_at, date_source, title, author, site_name, language, text, content_hash, simhash
FROM store.article_versions
WHERE run_id <= max_run
QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY version DESC) = 1;

-- Grain: one row per article version: the newest extraction of it (latest run, then highest version label).
CREATE MACRO version_extractions_as_of(max_run) AS TABLE
SELECT article_id, article_version, extractor_version, run_id
FROM store.extractions
WHERE run_id <= max_run
QUALIFY row_number() OVER (PARTITION BY article_id, article_version
                           ORDER BY run_id DESC, extractor_version DESC) = 1;

-- Grain: one row per observation ever stored.
CREATE MACRO observation_history_as_of(max_run) AS TABLE
SELECT o.article_id, v.url, v.source, v.published_at, o.article_version, o.extractor_version, o.run_id,
       o.ordinal, o.metric, o.subject, o.entity, o.partner, o.period, o.value, o.unit, o.qualifier,
       o.projection, o.resolution, o.conversion_of, o.quote, o.start_offset, o.end_offset
FROM store.observations AS o
JOIN store.article_versions AS v ON v.article_id = o.article_id AND v.version = o.article_version
WHERE o.run_id <= max_run AND v.run_id <= max_run;

-- Grain: one row per figure of the latest version of each article, from its newest extraction.
CREATE MACRO observations_as_of(max_run) AS TABLE
SELECT h.*
FROM observation_history_as_of(max_run) AS h
JOIN articles_as_of(max_run) AS a ON a.article_id = h.article_id AND a.version = h.article_version
JOIN version_extractions_as_of(max_run) AS x
  ON x.article_id = h.article_id AND x.article_version = h.article_version
 AND x.extractor_version = h.extractor_version;

-- Grain: one row per figure whose value changed between two consecutive extracted versions of an article.
CREATE MACRO revisions_as_of(max_run) AS TABLE
WITH versions AS (
    SELECT x.article_id, x.article_version, x.extractor_version,
           lag(x.article_version) OVER (PARTITION BY x.article_id ORDER BY x.article_version) AS prev_version
    FROM version_extractions_as_of(max_run) AS x
), figures AS (
    SELECT DISTINCT o.article_id, o.article_version, o.metric, o.entity, o.partner, o.period, o.unit,
           o.projection, o.value
    FROM store.observations AS o
    JOIN versions AS x USING (article_id, article_version, extractor_version)
    WHERE o.conversion_of IS NULL AND o.metric IS NOT NULL AND o.run_id <= max_run
), pairs AS (
    SELECT n.article_id, n.metric, n.entity, n.partner, n.period, n.unit, n.projection,
           o.value AS old_value, n.value AS new_value,
           o.article_version AS old_version, n.article_version AS new_version
    FROM versions AS x
    JOIN figures AS n ON n.article_id = x.article_id AND n.article_version = x.article_version
    JOIN figures AS o
      ON o.article_id = x.article_id AND o.article_version = x.prev_version
     AND o.metric = n.metric AND o.entity = n.entity AND o.partner IS NOT DISTINCT FROM n.partner
     AND o.period IS NOT DISTINCT FROM n.period AND o.unit = n.unit AND o.projection = n.projection
    WHERE o.value <> n.value
)
SELECT v.url, p.metric, p.entity, p.partner, p.period, p.unit, p.projection, p.old_value, p.new_value,
       p.old_version, p.new_version, v.fetched_at AS revised_at, p.article_id
FROM pairs AS p
JOIN store.article_versions AS v ON v.article_id = p.article_id AND v.version = p.new_version
-- a value still present in the other version is a figure that moved, not one that changed
WHERE NOT EXISTS (
        SELECT 1 FROM figures AS f
        WHERE f.article_id = p.article_id AND f.article_version = p.new_version AND f.value = p.old_value
          AND f.metric = p.metric AND f.entity = p.entity AND f.partner IS NOT DISTINCT FROM p.partner
          AND f.period IS NOT DISTINCT FROM p.period AND f.unit = p.unit AND f.projection = p.projection)
  AND NOT EXISTS (
        SELECT 1 FROM figures AS f
        WHERE f.article_id = p.article_id AND f.article_version = p.old_version AND f.value = p.new_value
          AND f.metric = p.metric AND f.entity = p.entity AND f.partner IS NOT DISTINCT FROM p.partner
          AND f.period IS NOT DISTINCT FROM p.period AND f.unit = p.unit AND f.projection = p.projection);

-- Grain: one row per conflict event (opened or closed).
CREATE MACRO conflict_history_as_of(max_run) AS TABLE
SELECT conflict_id, event, run_id, reason, metric, entity, partner, period, unit, projection,
       value, url, conflicting_value, conflicting_url, relative_difference
FROM store.conflict_events
WHERE run_id <= max_run;

-- Grain: one row per open conflict (its latest event is "opened").
CREATE MACRO conflicts_as_of(max_run) AS TABLE
WITH latest AS (
    SELECT *
    FROM store.conflict_events
    WHERE run_id <= max_run
    QUALIFY row_number() OVER (PARTITION BY conflict_id ORDER BY event_id DESC) = 1
)
SELECT conflict_id, metric, entity, partner, period, unit, projection, value, qualifier, url, published_at,
       quote, conflicting_value, conflicting_qualifier, conflicting_url, conflicting_published_at,
       conflicting_quote, relative_difference, run_id AS detected_run_id
FROM latest
WHERE event = 'opened';

-- Grain: one row per metric, entity, partner, period, unit and projection flag reported by any article.
CREATE MACRO metric_timeline_as_of(max_run) AS TABLE
WITH figures AS (
    SELECT o.metric, o.entity, o.partner, o.period, o.unit, o.projection, o.value, o.qualifier,
           o.resolution, o.article_id, a.simhash, coalesce(o.published_at, a.first_fetched_at) AS reported_at
    FROM observations_as_of(max_run) AS o
    JOIN articles_as_of(max_run) AS a USING (article_id)
    WHERE o.metric IS NOT NULL AND o.conversion_of IS NULL
), reports AS (
    SELECT metric, entity, partner, period, unit, projection, article_id,
           any_value(simhash) AS simhash, min(reported_at) AS reported_at
    FROM figures
    GROUP BY ALL
), witnesses AS (
    -- an article is a witness unless an earlier article with the same figure key is a near-copy of it
    -- (simhash Hamming distance <= 3 of 64 bits): wire copies count once
    SELECT r.metric, r.entity, r.partner, r.period, r.unit, r.projection, count(*) AS witnesses
    FROM reports AS r
    WHERE NOT EXISTS (
        SELECT 1 FROM reports AS e
        WHERE e.metric = r.metric AND e.entity = r.entity AND e.partner IS NOT DISTINCT FROM r.partner
          AND e.period IS NOT DISTINCT FROM r.period AND e.unit = r.unit AND e.projection = r.projection
          AND (e.reported_at < r.reported_at OR (e.reported_at = r.reported_at AND e.article_id < r.article_id))
          AND bit_count(xor(e.simhash, r.simhash)) <= 3)
    GROUP BY ALL
), open_conflicts AS (
    SELECT metric, entity, partner, period, unit, projection, count(*) AS open_conflicts
    FROM conflicts_as_of(max_run)
    GROUP BY ALL
), summary AS (
    SELECT metric, entity, partner, period, unit, projection,
           max(figure_low(value, qualifier, resolution)) AS consensus_low,
           min(figure_high(value, qualifier, resolution)) AS consensus_high,
           min(value) AS value_low, max(value) AS value_high,
           count(DISTINCT article_id) AS articles, count(*) AS reports,
           min(reported_at) AS first_reported_at, max(reported_at) AS last_reported_at
    FROM figures
    GROUP BY ALL
)
SELECT s.metric, s.entity, s.partner, s.period, s.unit, s.projection,
       s.consensus_low <= s.consensus_high AS agreed,
       CASE WHEN s.consensus_low <= s.consensus_high THEN s.consensus_low END AS consensus_low,
       CASE WHEN s.consensus_low <= s.consensus_high THEN s.consensus_high END AS consensus_high,
       s.value_low, s.value_high, s.articles, w.witnesses, s.reports, s.first_reported_at, s.last_reported_at,
       coalesce(c.open_conflicts, 0) AS open_conflicts
FROM summary AS s
JOIN witnesses AS w
  ON w.metric = s.metric AND w.entity = s.entity AND w.partner IS NOT DISTINCT FROM s.partner
 AND w.period IS NOT DISTINCT FROM s.period AND w.unit = s.unit AND w.projection = s.projection
LEFT JOIN open_conflicts AS c
  ON c.metric = s.metric AND c.entity = s.entity AND c.partner IS NOT DISTINCT FROM s.partner
 AND c.period IS NOT DISTINCT FROM s.period AND c.unit = s.unit AND c.projection = s.projection;

-- Grain: one row per source and publication day, from the latest run that reported it.
CREATE MACRO coverage_as_of(max_run) AS TABLE
SELECT source, day, listed, fetched, stored, run_id
FROM store.coverage_reports
WHERE run_id <= max_run
QUALIFY row_number() OVER (PARTITION BY source, day ORDER BY run_id DESC) = 1;

-- The public views: as of the session variable as_of_run, else every run (the largest BIGINT).
CREATE VIEW runs AS FROM runs_as_of(coalesce(getvariable('as_of_run'), 9223372036854775807));
CREATE VIEW article_versions AS FROM article_versions_as_of(coalesce(getvariable('as_of_run'), 9223372036854775807));
CREATE VIEW articles AS FROM articles_as_of(coalesce(getvariable('as_of_run'), 9223372036854775807));
CREATE VIEW observation_history AS FROM observation_history_as_of(coalesce(getvariable('as_of_run'), 9223372036854775807));
CREATE VIEW observations AS FROM observations_as_of(coalesce(getvariable('as_of_run'), 9223372036854775807));
CREATE VIEW revisions AS FROM revisions_as_of(coalesce(getvariable('as_of_run'), 9223372036854775807));
CREATE VIEW conflict_history AS FROM conflict_history_as_of(coalesce(getvariable('as_of_run'), 9223372036854775807));
CREATE VIEW conflicts AS FROM conflicts_as_of(coalesce(getvariable('as_of_run'), 9223372036854775807));
CREATE VIEW metric_timeline AS FROM metric_timeline_as_of(coalesce(getvariable('as_of_run'), 9223372036854775807));
CREATE VIEW coverage AS FROM coverage_as_of(coalesce(getvariable('as_of_run'), 9223372036854775807));
