-- Each probed article with each candidate sharing one of its bands (copy_hits numbered by copy_candidates).
SELECT h.probe_id, c.candidate
FROM copy_hits AS h
JOIN copy_candidates AS c USING (article_id, version);
