-- The signatures and witnesses of copy_candidates, in candidate order (the row of candidate n is n).
SELECT minhash, witness_id
FROM copy_candidates
ORDER BY candidate;
