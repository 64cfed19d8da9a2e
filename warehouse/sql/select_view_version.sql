-- The checksum of the view files most recently created in the warehouse (no row: never).
SELECT sha256 FROM view_versions ORDER BY applied_at DESC LIMIT 1;
