-- Store the batch's raw pages that are not stored yet (content-addressed: a reprocess adds nothing).
INSERT INTO store.raw_pages (raw_sha256, raw_zlib, raw_size, run_id)
SELECT r.raw_sha256, r.raw_zlib, r.raw_size, $run_id
FROM staged_raw AS r
WHERE NOT EXISTS (SELECT 1 FROM store.raw_pages AS s WHERE s.raw_sha256 = r.raw_sha256);
