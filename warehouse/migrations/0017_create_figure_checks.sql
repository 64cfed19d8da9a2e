-- The figure checks of a DuckLake load (docs/architecture.md, "Backends"). On DuckLake a batch is loaded in
-- two transactions: the append (pages, versions, figures) runs beside other writers' appends, and the check
-- (fingerprints, conflicts, value clusters), which must see every figure committed before it, runs under
-- the catalog's lock. The append queues what it added here; a check reads every queued row no check has
-- read yet (its own batch's, another writer's not yet checked, or those of a writer killed between its two
-- transactions) and records it as checked. Append-only; the embedded DuckDB backend loads a batch in one
-- transaction and writes nothing here.
CREATE TABLE store.figure_checks (
    article_id        VARCHAR NOT NULL,
    article_version   INTEGER NOT NULL,
    extractor_version VARCHAR,            -- the extraction the batch added; NULL when it added none
    status            VARCHAR NOT NULL,   -- the version in its batch: new_article | new_version | unchanged
    run_id            BIGINT  NOT NULL,   -- the run whose batch loaded it
    page_ordinal      INTEGER NOT NULL,   -- its page's place in that batch (the fingerprints' order)
    event             VARCHAR NOT NULL,   -- queued | checked
    checked_by        BIGINT              -- for "checked": the run whose check read it
);
