-- Whether the batch holds an article stored before it (a new version, or the same text perhaps extracted
-- again): only such an article can have open conflicts to close; a batch of new articles skips that step.
SELECT EXISTS (SELECT 1 FROM batch_articles WHERE status IN ('new_version', 'unchanged'));
