-- Extractions (which extractor processed which article version) and the figures each one found.
CREATE TABLE store.extractions (
    article_id        VARCHAR NOT NULL,
    article_version   INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    run_id            BIGINT  NOT NULL,
    observation_count INTEGER NOT NULL
);

CREATE TABLE store.observations (
    article_id        VARCHAR NOT NULL,
    article_version   INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    run_id            BIGINT  NOT NULL,
    ordinal           INTEGER NOT NULL,  -- index in the extraction's list of figures
    metric            VARCHAR,
    subject           VARCHAR NOT NULL,
    entity            VARCHAR NOT NULL,
    partner           VARCHAR,
    period            VARCHAR,
    value             DOUBLE  NOT NULL,  -- base units
    unit              VARCHAR NOT NULL,
    qualifier         VARCHAR NOT NULL,  -- exact | approx | over | under
    projection        BOOLEAN NOT NULL,
    resolution        DOUBLE  NOT NULL,
    conversion_of     INTEGER,           -- ordinal of the figure this one restates in another currency
    quote             VARCHAR NOT NULL,
    start_offset      INTEGER NOT NULL,
    end_offset        INTEGER NOT NULL
);
