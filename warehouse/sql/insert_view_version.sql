-- Record that the view files with this checksum were created.
INSERT INTO view_versions (sha256, applied_at) VALUES ($sha256, $applied_at);
