-- Grain: one row per article version: its newest extraction (the latest run, then the highest extractor
-- version, compared number by number: metrics-2.100.0 is above metrics-2.99.0) as of run max_run. An
-- article's current figures are those of the current extraction of its latest version.
-- is_current_extraction() is the rule as a QUALIFY predicate over extraction rows (narrow them to whole
-- article versions only), for the writer's per-batch statements; current_extraction(max_run) applies it to
-- every article version, for the views.
CREATE OR REPLACE MACRO is_current_extraction(article_id, article_version, run_id, extractor_version) AS
    row_number() OVER (PARTITION BY article_id, article_version
                       ORDER BY run_id DESC,
                                list_transform(string_split(regexp_replace(extractor_version, '^[^0-9]*', ''), '.'),
                                               part -> TRY_CAST(part AS INTEGER)) DESC,
                                extractor_version DESC) = 1;

CREATE OR REPLACE MACRO current_extraction(max_run) AS TABLE
SELECT article_id, article_version, extractor_version, run_id
FROM store.extractions
WHERE run_id <= max_run
QUALIFY is_current_extraction(article_id, article_version, run_id, extractor_version);
