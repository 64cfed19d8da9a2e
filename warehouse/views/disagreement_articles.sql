-- Grain: one row per figure on either side of an open disagreement: the drill-down of `disagreements`.
-- side is 'value' for the disagreement's first side and 'other' for the side that contradicts it; copy is
-- true when the article counts as the witness of an earlier near-identical article.
CREATE OR REPLACE MACRO disagreement_articles_as_of(max_run) AS TABLE
WITH sides AS (
    SELECT disagreement_id, cluster_id, 'value' AS side FROM disagreements_as_of(max_run)
    UNION ALL
    SELECT disagreement_id, other_cluster_id, 'other' FROM disagreements_as_of(max_run)
), members AS (
    SELECT m.*
    FROM store.cluster_members AS m
    JOIN (SELECT DISTINCT snapshot_id, cluster_id FROM latest_snapshot(max_run)) AS l USING (snapshot_id, cluster_id)
)
SELECT s.disagreement_id, s.side, m.article_id, h.url, m.outlet, m.witness_id,
       m.witness_id <> m.article_id AS copy, h.published_at, h.value, h.qualifier, h.unit, h.unit_text, h.quote,
       a.title, a.language, m.article_version
FROM sides AS s
JOIN members AS m USING (cluster_id)
JOIN observation_history_as_of(max_run) AS h
  ON h.article_id = m.article_id AND h.article_version = m.article_version
 AND h.extractor_version = m.extractor_version AND h.ordinal = m.ordinal
JOIN store.article_versions AS a ON a.article_id = m.article_id AND a.version = m.article_version;

CREATE OR REPLACE VIEW disagreement_articles AS FROM disagreement_articles_as_of(as_of_run());
