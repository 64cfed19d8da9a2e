-- Grain: one row per article version; superseded_at is derived (next version's fetch), never updated.
CREATE OR REPLACE MACRO article_versions_as_of(max_run) AS TABLE
SELECT article_id, version, url, source, run_id, cleaner_version, fetched_at,
       lead(fetched_at) OVER (PARTITION BY article_id ORDER BY version) AS superseded_at,
       published_at, date_source, title, author, site_name, language, text, content_hash, simhash
FROM store.article_versions
WHERE run_id <= max_run;

CREATE OR REPLACE VIEW article_versions AS FROM article_versions_as_of(as_of_run());
