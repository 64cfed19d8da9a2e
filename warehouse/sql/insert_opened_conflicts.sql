-- Open conflicts between the batch's new figures and the current figures of other articles.
-- Incremental: the current figures of the touched scopes (touched_figures, create_touched_figures.sql, read
-- once for this step, the closing one and the clustering) hold every stored figure sharing a new figure's
-- key (metric, entity, partner, segment, basis, kind, period, unit, projection), so the cost grows with the
-- new figures, not with the warehouse squared. A check that reads several batches at once (a deferred check)
-- pairs a new figure only with figures of its own batch or earlier ones (load_order), so each conflict is
-- opened with the sides and the figures the first batch's own check would have given it.
INSERT INTO store.conflict_events
WITH current_candidates AS (
    SELECT article_id, article_version, extractor_version, ordinal, scope_id, period, value, qualifier,
           resolution, quote, run_id, url, published_at, load_order
    FROM touched_figures
), new_figures AS (
    -- the batch's new extractions are current, so their figures are among the touched ones; the key of a
    -- figure is its scope's
    SELECT c.*, k.metric, k.entity, k.partner, k.segment, k.basis, k.kind, k.unit, k.projection
    FROM current_candidates AS c
    JOIN batch_extractions AS e
      ON e.article_id = c.article_id AND e.version = c.article_version
     AND e.extractor_version = c.extractor_version
    JOIN touched_scopes AS k USING (scope_id)
), pairs AS (
    SELECT md5(concat_ws('|', n.metric, n.entity, coalesce(n.partner, ''), n.period, n.unit,
                         n.projection::VARCHAR,
                         least(c.article_id || ':' || c.value::VARCHAR, n.article_id || ':' || n.value::VARCHAR),
                         greatest(c.article_id || ':' || c.value::VARCHAR, n.article_id || ':' || n.value::VARCHAR),
                         -- NULL parts are skipped, so the ids of figures without context stay as they were
                         'segment=' || n.segment, 'basis=' || n.basis, 'kind=' || n.kind))
               AS conflict_id,
           n.metric, n.entity, n.partner, n.segment, n.basis, n.kind, n.period, n.unit, n.projection,
           c.article_id AS c_article_id, c.article_version AS c_article_version,
           c.extractor_version AS c_extractor_version, c.ordinal AS c_ordinal, c.value AS c_value,
           c.qualifier AS c_qualifier, c.url AS c_url, c.published_at AS c_published_at, c.quote AS c_quote,
           c.run_id AS c_run_id,
           n.article_id AS n_article_id, n.article_version AS n_article_version,
           n.extractor_version AS n_extractor_version, n.ordinal AS n_ordinal, n.value AS n_value,
           n.qualifier AS n_qualifier, n.url AS n_url, n.published_at AS n_published_at, n.quote AS n_quote
    FROM new_figures AS n
    JOIN current_candidates AS c
      -- one scope and one period: the same key (metric, entity, partner, segment, basis, kind, unit,
      -- projection) and period
      ON c.scope_id = n.scope_id AND c.period = n.period AND c.article_id <> n.article_id
     AND c.load_order <= n.load_order
    WHERE NOT figures_compatible(n.value, n.qualifier, n.resolution, c.value, c.qualifier, c.resolution)
), already_open AS (
    SELECT conflict_id
    FROM store.conflict_events
    -- a conflict of a new figure is between its article and another: an open one has one of them on a side
    WHERE article_id IN (SELECT article_id FROM batch_extractions)
       OR conflicting_article_id IN (SELECT article_id FROM batch_extractions)
    QUALIFY is_open_conflict(conflict_id, event_id, event)
), ranked AS (
    -- one row per conflict: the already stored figure is the first side ("value"), the new one conflicts;
    -- the first row of each conflict in one sort of all pairs (a window partitioned by conflict costs
    -- about 5 ms per thousand conflicts), numbered by the rank of its conflict
    SELECT *,
           lag(conflict_id) OVER (ORDER BY conflict_id, (c_run_id = $run_id), c_article_id, c_ordinal, n_ordinal)
               AS previous_id,
           dense_rank() OVER (ORDER BY conflict_id) AS seq
    FROM pairs
    WHERE conflict_id NOT IN (SELECT conflict_id FROM already_open)
)
SELECT (SELECT coalesce(max(event_id), 0) FROM store.conflict_events) + p.seq AS event_id,
       p.conflict_id, 'opened' AS event, $run_id AS run_id, NULL AS reason,
       p.metric, p.entity, p.partner, p.period, p.unit, p.projection,
       p.c_article_id, p.c_article_version, p.c_extractor_version, p.c_ordinal, p.c_value, p.c_qualifier,
       p.c_url, p.c_published_at, p.c_quote,
       p.n_article_id, p.n_article_version, p.n_extractor_version, p.n_ordinal, p.n_value, p.n_qualifier,
       p.n_url, p.n_published_at, p.n_quote,
       relative_difference(p.c_value, p.n_value) AS relative_difference,
       p.segment, p.basis, p.kind
FROM ranked AS p
WHERE p.previous_id IS DISTINCT FROM p.conflict_id;
