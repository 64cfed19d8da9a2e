-- Record the pending checks the check just read as checked by this run (migration 0017).
INSERT INTO store.figure_checks
SELECT article_id, article_version, extractor_version, status, run_id, page_ordinal, 'checked', $run_id
FROM pending_checks;
