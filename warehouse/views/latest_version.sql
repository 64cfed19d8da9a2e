-- Grain: keeps one row per article: its latest version (the highest version number).
-- The one copy of "the latest version of an article", as a QUALIFY predicate over article version rows.
-- NOTE: narrow the rows to some articles first if you like (the writer's statements read only the
-- articles of a batch, which keeps them incremental), but only whole articles, never single versions.
CREATE OR REPLACE MACRO is_latest_version(article_id, version) AS
    row_number() OVER (PARTITION BY article_id ORDER BY version DESC) = 1;
