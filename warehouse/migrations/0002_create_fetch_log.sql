-- Fetch log: one row per feed fetch and per page handled, plus raw page bytes stored once per SHA-256.
CREATE TABLE store.source_fetches (
    run_id         BIGINT      NOT NULL,
    source         VARCHAR     NOT NULL,
    url            VARCHAR     NOT NULL,
    fetched_at     TIMESTAMPTZ NOT NULL,
    outcome        VARCHAR     NOT NULL,  -- fetched | not_modified | failed
    http_status    INTEGER,
    etag           VARCHAR,
    last_modified  VARCHAR,
    body_hash      VARCHAR,
    entries_listed INTEGER     NOT NULL,
    entries_new    INTEGER     NOT NULL,
    error          VARCHAR,
    parse_error    VARCHAR
);

CREATE TABLE store.page_fetches (
    run_id               BIGINT      NOT NULL,
    source               VARCHAR     NOT NULL,
    entry_id             VARCHAR     NOT NULL,
    entry_url            VARCHAR     NOT NULL,
    fetched_url          VARCHAR,
    fetched_at           TIMESTAMPTZ NOT NULL,
    listed_published_at  TIMESTAMPTZ,
    outcome              VARCHAR     NOT NULL,  -- article | off_topic | no_article | failed
    error                VARCHAR,
    http_status          INTEGER,
    content_type         VARCHAR,
    encoding             VARCHAR,
    raw_sha256           VARCHAR,               -- key into store.raw_pages
    article_id           VARCHAR,               -- set when outcome = 'article'
    article_published_at TIMESTAMPTZ,           -- the date the cleaner found (NULL: missing date)
    reprocessed          BOOLEAN     NOT NULL   -- produced from stored raw bytes, no fetch happened
);

CREATE TABLE store.raw_pages (
    raw_sha256 VARCHAR NOT NULL,  -- SHA-256 of the uncompressed bytes
    raw_zlib   BLOB    NOT NULL,  -- zlib-compressed bytes
    raw_size   BIGINT  NOT NULL,  -- uncompressed size
    run_id     BIGINT  NOT NULL
);
