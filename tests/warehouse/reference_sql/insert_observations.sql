-- Append the figures of the batch's new extractions; period bounds come from the period string, and whether
-- the sentence says it revises an earlier figure from the quote (migration 0016).
INSERT INTO store.observations (
    article_id, article_version, extractor_version, run_id, ordinal, metric, subject, entity, partner, period,
    value, unit, qualifier, projection, resolution, conversion_of, quote, start_offset, end_offset,
    segment, basis, kind, unit_text, period_start, period_end, revises)
SELECT e.article_id, e.version, o.extractor_version, $run_id, o.ordinal, o.metric, o.subject, o.entity,
       o.partner, o.period, o.value, o.unit, o.qualifier, o.projection, o.resolution, o.conversion_of, o.quote,
       o.start_offset, o.end_offset, o.segment, o.basis, o.kind, o.unit_text,
       period_start_of(o.period), period_end_of(o.period), says_revises(o.quote)
FROM staged_observations AS o
JOIN batch_extractions AS e ON e.page_ordinal = o.page_ordinal AND e.extractor_version = o.extractor_version;
