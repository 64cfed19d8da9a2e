-- The temp tables of a check (its batch's or slice's articles and figures, the figures of the scopes it
-- touched and their clusters), dropped when it ends: left until the next check replaced them, they kept
-- about 85 MiB of a check of 1,000 articles in the writer's process through the rest of the run.
DROP TABLE IF EXISTS temp.touched_clusters;
DROP TABLE IF EXISTS temp.touched_figures;
DROP TABLE IF EXISTS temp.touched_scopes;
DROP TABLE IF EXISTS temp.batch_extractions;
DROP TABLE IF EXISTS temp.batch_articles;
DROP TABLE IF EXISTS temp.later_checks;
DROP TABLE IF EXISTS temp.pending_checks;
