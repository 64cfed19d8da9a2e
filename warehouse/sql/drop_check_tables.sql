-- The temp tables of a check (its batch's or slice's articles and figures, the figures of the scopes it
-- touched and their clusters), dropped when it ends: left until the next check replaced them, they kept a
-- slice's texts and figures in the writer's process (after a synthetic check of 4,000 articles DuckDB held
-- 85 MiB of in-memory tables with them, 53 without: docs/benchmarks.md, "Signing the texts in chunks").
DROP TABLE IF EXISTS temp.touched_clusters;
DROP TABLE IF EXISTS temp.touched_figures;
DROP TABLE IF EXISTS temp.touched_scopes;
DROP TABLE IF EXISTS temp.batch_extractions;
DROP TABLE IF EXISTS temp.batch_articles;
DROP TABLE IF EXISTS temp.later_checks;
DROP TABLE IF EXISTS temp.pending_checks;
