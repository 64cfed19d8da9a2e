-- Grain: one row per figure of the latest version of each article, from its newest extraction.
CREATE OR REPLACE MACRO observations_as_of(max_run) AS TABLE
SELECT h.*
FROM observation_history_as_of(max_run) AS h
JOIN articles_as_of(max_run) AS a ON a.article_id = h.article_id AND a.version = h.article_version
JOIN current_extraction(max_run) AS x
  ON x.article_id = h.article_id AND x.article_version = h.article_version
 AND x.extractor_version = h.extractor_version;

CREATE OR REPLACE VIEW observations AS FROM observations_as_of(as_of_run());
