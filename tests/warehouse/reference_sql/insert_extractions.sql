-- Record which extractor processed which article version in this run (also when it found no figure).
INSERT INTO store.extractions (article_id, article_version, extractor_version, run_id, observation_count)
SELECT article_id, version, extractor_version, $run_id, observation_count
FROM batch_extractions;
