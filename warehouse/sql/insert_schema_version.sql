-- Record one applied migration, in the same transaction as the migration itself.
INSERT INTO schema_version (version, name, sha256, applied_at)
VALUES ($version, $name, $sha256, $applied_at);
