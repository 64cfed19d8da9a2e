-- Stored article versions sharing an LSH band with a probed article (fingerprint_probe), other articles
-- only, with their signature and witness (the latest fingerprint of each version).
WITH hits AS (
    SELECT DISTINCT p.probe_id, b.article_id, b.version
    FROM fingerprint_probe AS p
    JOIN store.article_bands AS b ON b.band_hash = p.band_hash
    WHERE b.article_id <> p.probe_id
)
SELECT h.probe_id, h.article_id, f.minhash, f.witness_id
FROM hits AS h
JOIN store.article_fingerprints AS f USING (article_id, version)
QUALIFY row_number() OVER (PARTITION BY h.probe_id, h.article_id, h.version ORDER BY f.run_id DESC) = 1;
