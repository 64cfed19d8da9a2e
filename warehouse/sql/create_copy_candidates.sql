-- The stored versions of copy_hits, each once and numbered from 0 (candidate) in (article, version) order,
-- with the signature and witness of its latest fingerprint: a signature is read once however many probes
-- share its bands, and of equally similar candidates the first in that order wins (fingerprints.py).
CREATE OR REPLACE TEMP TABLE copy_candidates AS
SELECT (row_number() OVER (ORDER BY f.article_id, f.version) - 1)::BIGINT AS candidate, f.article_id, f.version, f.minhash, f.witness_id
FROM (
    SELECT article_id, version, minhash, witness_id
    FROM store.article_fingerprints
    WHERE article_id IN (SELECT article_id FROM copy_hits)
    QUALIFY row_number() OVER (PARTITION BY article_id, version ORDER BY run_id DESC) = 1
) AS f
SEMI JOIN (SELECT DISTINCT article_id, version FROM copy_hits) AS h USING (article_id, version);
