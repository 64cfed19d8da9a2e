-- The view ledger of a warehouse (DuckDB file or DuckLake): one row each time the view files were (re)created, with the
-- checksum of all of them, so writers re-create views only when a file changed (an open costs ~0.2 s less; on DuckLake, fewer schema commits).
CREATE TABLE IF NOT EXISTS view_versions (
    sha256     VARCHAR     NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL
);
