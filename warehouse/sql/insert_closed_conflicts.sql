-- Close the open conflicts of articles this batch re-versioned or re-extracted when the figure a side
-- stood on is no longer among that article's current figures (changed or dropped by a revision).
INSERT INTO store.conflict_events
WITH touched AS (
    SELECT article_id FROM batch_extractions
    UNION
    SELECT article_id FROM batch_articles WHERE status = 'new_version'
), open_touched AS (
    SELECT *
    FROM store.conflict_events
    WHERE article_id IN (SELECT article_id FROM touched)
       OR conflicting_article_id IN (SELECT article_id FROM touched)
    QUALIFY is_open_conflict(conflict_id, event_id, event)
), latest_version AS (
    SELECT article_id, version
    FROM store.article_versions
    WHERE article_id IN (SELECT article_id FROM touched)
    QUALIFY is_latest_version(article_id, version)
), current_extraction AS (
    SELECT x.article_id, x.article_version, x.extractor_version
    FROM store.extractions AS x
    JOIN latest_version AS l ON l.article_id = x.article_id AND l.version = x.article_version
    QUALIFY is_current_extraction(x.article_id, x.article_version, x.run_id, x.extractor_version)
), current_figures AS (
    SELECT o.article_id, o.metric, o.entity, o.partner, o.segment, o.basis, o.kind, o.period, o.unit,
           o.projection, o.value
    FROM store.observations AS o
    JOIN current_extraction USING (article_id, article_version, extractor_version)
    WHERE o.conversion_of IS NULL
), closing AS (
    SELECT c.*
    FROM open_touched AS c
    WHERE (c.article_id IN (SELECT article_id FROM touched) AND NOT EXISTS (
               SELECT 1 FROM current_figures AS f
               WHERE f.article_id = c.article_id AND f.value = c.value AND f.metric = c.metric
                 AND f.entity = c.entity AND f.partner IS NOT DISTINCT FROM c.partner AND f.period = c.period
                 AND f.unit = c.unit AND f.projection = c.projection AND f.segment IS NOT DISTINCT FROM c.segment
                 AND f.basis IS NOT DISTINCT FROM c.basis AND f.kind IS NOT DISTINCT FROM c.kind))
       OR (c.conflicting_article_id IN (SELECT article_id FROM touched) AND NOT EXISTS (
               SELECT 1 FROM current_figures AS f
               WHERE f.article_id = c.conflicting_article_id AND f.value = c.conflicting_value
                 AND f.metric = c.metric AND f.entity = c.entity AND f.partner IS NOT DISTINCT FROM c.partner
                 AND f.period = c.period AND f.unit = c.unit AND f.projection = c.projection
                 AND f.segment IS NOT DISTINCT FROM c.segment AND f.basis IS NOT DISTINCT FROM c.basis
                 AND f.kind IS NOT DISTINCT FROM c.kind))
)
SELECT * REPLACE (
    (SELECT coalesce(max(event_id), 0) FROM store.conflict_events)
        + row_number() OVER (ORDER BY conflict_id) AS event_id,
    'closed' AS event,
    $run_id AS run_id,
    'revised' AS reason)
FROM closing;
