-- The stored state of the batch's articles (batch_ids), read once to classify them (load._classify): the
-- latest version of each with its content hash, and every stored extraction of any of their versions.
SELECT 'version' AS kind, article_id, max(version) AS version, arg_max(content_hash, version) AS value
FROM store.article_versions
WHERE article_id IN (SELECT article_id FROM batch_ids)
GROUP BY article_id
UNION ALL
SELECT 'extraction' AS kind, article_id, article_version AS version, extractor_version AS value
FROM store.extractions
WHERE article_id IN (SELECT article_id FROM batch_ids);
