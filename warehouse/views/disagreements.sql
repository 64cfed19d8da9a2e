-- Grain: one row per open disagreement: two value clusters of one figure key (metric, entity, partner,
-- segment, basis, kind, period, unit, projection) that cannot both hold, from the latest snapshot of the
-- key's scope. The first side ("value") is the one with more independent witnesses (then the consensus,
-- then the earlier report); "other_" is the side that contradicts it.
CREATE OR REPLACE MACRO disagreements_as_of(max_run) AS TABLE
WITH current AS (
    SELECT * FROM latest_snapshot(max_run) WHERE cluster_id IS NOT NULL
), pairs AS (
    SELECT md5(a.cluster_id || ':' || b.cluster_id) AS disagreement_id, a AS lo, b AS hi
    FROM current AS a
    JOIN current AS b ON b.snapshot_id = a.snapshot_id AND b.group_id = a.group_id
    WHERE is_disagreement_pair(a.cluster_id, b.cluster_id, a.superseded_by, b.superseded_by)
), sided AS (
    SELECT disagreement_id,
           CASE WHEN (lo.witnesses, lo.consensus, -epoch(lo.first_reported_at))
                     >= (hi.witnesses, hi.consensus, -epoch(hi.first_reported_at)) THEN lo ELSE hi END AS s,
           CASE WHEN (lo.witnesses, lo.consensus, -epoch(lo.first_reported_at))
                     >= (hi.witnesses, hi.consensus, -epoch(hi.first_reported_at)) THEN hi ELSE lo END AS o
    FROM pairs
), opened AS (
    SELECT disagreement_id, max(run_id) AS opened_run_id
    FROM disagreement_history_as_of(max_run)
    WHERE event = 'opened'
    GROUP BY disagreement_id
)
SELECT d.disagreement_id, d.s.metric AS metric, d.s.entity AS entity, d.s.partner AS partner,
       d.s.segment AS segment, d.s.basis AS basis, d.s.kind AS kind, d.s.period AS period,
       d.s.period_start AS period_start, d.s.period_end AS period_end, d.s.unit AS unit,
       d.s.projection AS projection, d.s.value AS value, d.s.qualifier AS qualifier,
       d.s.value_low AS value_low, d.s.value_high AS value_high, d.s.witnesses AS witnesses,
       d.s.articles AS articles, array_to_string(d.s.outlets, '; ') AS outlets,
       d.s.first_reported_at AS first_reported_at, d.s.last_reported_at AS last_reported_at,
       d.o.value AS other_value, d.o.qualifier AS other_qualifier, d.o.value_low AS other_value_low,
       d.o.value_high AS other_value_high, d.o.witnesses AS other_witnesses, d.o.articles AS other_articles,
       array_to_string(d.o.outlets, '; ') AS other_outlets, d.o.first_reported_at AS other_first_reported_at,
       d.o.last_reported_at AS other_last_reported_at,
       relative_difference(d.s.value, d.o.value) AS relative_difference, h.opened_run_id,
       d.s.run_id AS updated_run_id, d.s.cluster_id AS cluster_id, d.o.cluster_id AS other_cluster_id
FROM sided AS d
LEFT JOIN opened AS h USING (disagreement_id);

CREATE OR REPLACE VIEW disagreements AS FROM disagreements_as_of(as_of_run());
