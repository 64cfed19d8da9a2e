-- Record the pending checks the check just read as checked by this run (migrations 0017, 0018).
INSERT INTO store.figure_checks
SELECT article_id, article_version, extractor_version, status, run_id, page_ordinal, 'checked', $run_id,
       batch_number
FROM pending_checks;
