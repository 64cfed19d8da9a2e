-- Grain: one row per article, its latest version; first_fetched_at is the first fetch of any version.
CREATE OR REPLACE MACRO articles_as_of(max_run) AS TABLE
SELECT article_id, version, url, source, run_id, cleaner_version,
       min(fetched_at) OVER (PARTITION BY article_id) AS first_fetched_at,
       fetched_at, published_at, date_source, title, author, site_name, language, text, content_hash, simhash
FROM store.article_versions
WHERE run_id <= max_run
QUALIFY is_latest_version(article_id, version);

CREATE OR REPLACE VIEW articles AS FROM articles_as_of(as_of_run());
