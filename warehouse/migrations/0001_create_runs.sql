-- Runs as two append-only event tables: one row when a run starts, one when it ends (view `runs` joins them).
CREATE SCHEMA IF NOT EXISTS store;

CREATE TABLE store.run_started (
    run_id     BIGINT      NOT NULL,  -- monotonic, assigned by the single writer
    flow       VARCHAR     NOT NULL,  -- flow name, e.g. "daily" or "backfill"
    params     JSON,                  -- flow parameters as given
    started_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE store.run_finished (
    run_id   BIGINT      NOT NULL,
    ended_at TIMESTAMPTZ NOT NULL,
    status   VARCHAR     NOT NULL,    -- completed | partial | failed
    counts   JSON,                    -- {"new_articles": 3, ...}
    errors   JSON                     -- [{"source": ..., "url": ..., "error": ...}, ...]
);
