-- A slice of a check: the figures of the batches queued after the slice (later_checks), stored but not
-- checked yet, come after the slice's own in load order, so the slice pairs none of its figures with them.
-- Their own slice pairs them with the slice's, by then stored: the pairs, and their sides, that one check
-- of all the batches would give (insert_opened_conflicts.sql).
CREATE OR REPLACE TEMP TABLE touched_figures AS
SELECT f.* REPLACE (
           CASE WHEN f.load_order = 0 AND EXISTS (
                    SELECT 1 FROM later_checks AS l
                    WHERE l.article_id = f.article_id AND l.article_version = f.article_version
                      AND l.extractor_version = f.extractor_version)
                THEN 2147483647 ELSE f.load_order END AS load_order)
FROM touched_figures AS f;
