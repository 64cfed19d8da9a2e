-- Close the open conflicts of articles this batch re-versioned or re-extracted when the figure a side
-- stood on is no longer among that article's current figures (changed or dropped by a revision). Reads the
-- current figures from touched_figures (create_touched_figures.sql), which the clustering shares.
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
), current_figures AS (
    -- every current figure of a touched article is in touched_figures: its key is a touched scope
    SELECT f.article_id, k.metric, k.entity, k.partner, k.segment, k.basis, k.kind, f.period, k.unit,
           k.projection, f.value
    FROM touched_figures AS f
    JOIN touched_scopes AS k USING (scope_id)
    WHERE f.article_id IN (SELECT article_id FROM touched)
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
