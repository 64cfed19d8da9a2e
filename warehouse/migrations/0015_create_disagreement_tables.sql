-- Disagreements (docs/architecture.md, "Disagreements"): who reported a figure, which reports are copies of
-- one story, and the value clusters of each figure key as each load left them. All append-only.

-- One row per article version: its outlet (normalised publisher), whether that outlet is an official
-- releaser, its MinHash signature, and the witness it counts as (the earliest earlier article whose text
-- is a near-copy, else itself).
CREATE TABLE store.article_fingerprints (
    article_id  VARCHAR  NOT NULL,
    version     INTEGER  NOT NULL,
    run_id      BIGINT   NOT NULL,
    domain      VARCHAR,                      -- registrable domain of the URL (NULL for an IP address)
    outlet      VARCHAR  NOT NULL,            -- display name from config/outlets.toml, else the domain
    official    BOOLEAN  NOT NULL,            -- the outlet is an official releaser (statistics, customs)
    minhash     BLOB     NOT NULL,            -- MinHash signature: little-endian uint32 per permutation
    witness_id  VARCHAR  NOT NULL,            -- article_id of the witness this article counts as
    similarity  DOUBLE                        -- estimated Jaccard similarity to that witness; NULL if itself
);

-- LSH band hashes of each signature, for finding near-copy candidates without comparing every article.
CREATE TABLE store.article_bands (
    band_hash   UBIGINT  NOT NULL,
    article_id  VARCHAR  NOT NULL,
    version     INTEGER  NOT NULL
);

-- One row per value cluster of a figure group each time a load recomputed the group's scope (a scope is a
-- key with its period for flows, or a key's point-in-time figures for stocks). A scope left with no
-- figures gets one row with NULL cluster_id. The latest snapshot of a scope is its current state.
CREATE TABLE store.cluster_snapshots (
    snapshot_id        BIGINT   NOT NULL,     -- monotonic per scope write
    run_id             BIGINT   NOT NULL,
    scope_id           VARCHAR  NOT NULL,
    group_id           VARCHAR,               -- the key with its period, or with its stock window
    cluster_id         VARCHAR,               -- md5 of the group and its first-reported figure
    metric             VARCHAR  NOT NULL,
    entity             VARCHAR  NOT NULL,
    partner            VARCHAR,
    segment            VARCHAR,
    basis              VARCHAR,
    kind               VARCHAR,
    unit               VARCHAR  NOT NULL,
    projection         BOOLEAN  NOT NULL,
    period             VARCHAR,
    period_start       DATE,
    period_end         DATE,
    value              DOUBLE,                -- the value most witnesses of the cluster report
    qualifier          VARCHAR,
    resolution         DOUBLE,
    value_low          DOUBLE,                -- union of the members' intervals
    value_high         DOUBLE,
    witnesses          BIGINT,
    articles           BIGINT,
    reports            BIGINT,
    outlets            VARCHAR[],
    first_reported_at  TIMESTAMPTZ,
    last_reported_at   TIMESTAMPTZ,
    official_at        TIMESTAMPTZ,           -- first report by an official outlet, else NULL
    revision_at        TIMESTAMPTZ,           -- first report that says it revises ("final", 最终核实), else NULL
    superseded_by      VARCHAR,               -- cluster_id of the later revision that replaces this one
    consensus          BOOLEAN                -- the group's consensus cluster
);

-- The figures of each snapshot's clusters: the drill-down of a disagreement.
CREATE TABLE store.cluster_members (
    snapshot_id        BIGINT   NOT NULL,
    cluster_id         VARCHAR  NOT NULL,
    article_id         VARCHAR  NOT NULL,
    article_version    INTEGER  NOT NULL,
    extractor_version  VARCHAR  NOT NULL,
    ordinal            INTEGER  NOT NULL,
    witness_id         VARCHAR  NOT NULL,
    outlet             VARCHAR  NOT NULL
);
