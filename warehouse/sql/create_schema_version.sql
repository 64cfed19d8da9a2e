-- The migration ledger: one row per applied migration file (created before any migration runs).
CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER     NOT NULL,
    name       VARCHAR     NOT NULL,
    sha256     VARCHAR     NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL
);
