-- Append the figures of the batch's new extractions (new_observations: chosen and given their article
-- version and period bounds by load._insert_observations); whether the sentence says it revises an earlier
-- figure comes from the quote (migration 0016).
INSERT INTO store.observations (
    article_id, article_version, extractor_version, run_id, ordinal, metric, subject, entity, partner, period,
    value, unit, qualifier, projection, resolution, conversion_of, quote, start_offset, end_offset,
    segment, basis, kind, unit_text, period_start, period_end, revises)
SELECT o.article_id, o.article_version, o.extractor_version, $run_id, o.ordinal, o.metric, o.subject, o.entity,
       o.partner, o.period, o.value, o.unit, o.qualifier, o.projection, o.resolution, o.conversion_of, o.quote,
       o.start_offset, o.end_offset, o.segment, o.basis, o.kind, o.unit_text,
       o.period_start, o.period_end, says_revises(o.quote)
FROM new_observations AS o;
