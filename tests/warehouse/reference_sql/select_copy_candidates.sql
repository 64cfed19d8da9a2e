-- Stored article versions sharing an LSH band with a probed article (fingerprint_probe), other articles
-- only, with their signature and witness (the latest fingerprint of each version). The latest fingerprint
-- is chosen once per stored version, before the join with the probes (not once per probe and version).
WITH hits AS (
    SELECT DISTINCT p.probe_id, b.article_id, b.version
    FROM fingerprint_probe AS p
    JOIN store.article_bands AS b ON b.band_hash = p.band_hash
    WHERE b.article_id <> p.probe_id
), latest AS (
    SELECT article_id, version, minhash, witness_id
    FROM store.article_fingerprints
    WHERE article_id IN (SELECT article_id FROM hits)
    QUALIFY row_number() OVER (PARTITION BY article_id, version ORDER BY run_id DESC) = 1
)
SELECT h.probe_id, h.article_id, l.minhash, l.witness_id
FROM hits AS h
JOIN latest AS l USING (article_id, version);
