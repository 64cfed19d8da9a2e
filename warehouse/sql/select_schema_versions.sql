-- The migrations already applied, with their checksums.
SELECT version, name, sha256 FROM schema_version ORDER BY version;
