-- Stored article versions sharing an LSH band with a probed article (fingerprint_probe), other articles
-- only: one row per probed article and stored version.
CREATE OR REPLACE TEMP TABLE copy_hits AS
SELECT DISTINCT p.probe_id, b.article_id, b.version
FROM fingerprint_probe AS p
JOIN store.article_bands AS b ON b.band_hash = p.band_hash
WHERE b.article_id <> p.probe_id;
