-- Article versions: a new row only when the cleaned text's hash changes (version n + 1).
CREATE TABLE store.article_versions (
    article_id      VARCHAR     NOT NULL,  -- first 16 hex digits of SHA-256(canonical URL)
    version         INTEGER     NOT NULL,  -- 1, 2, ... per article
    url             VARCHAR     NOT NULL,  -- canonical URL
    source          VARCHAR     NOT NULL,  -- source that delivered this version
    run_id          BIGINT      NOT NULL,
    cleaner_version VARCHAR     NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL,
    published_at    TIMESTAMPTZ,
    date_source     VARCHAR,               -- feed | page | url
    title           VARCHAR,
    author          VARCHAR,
    site_name       VARCHAR,
    language        VARCHAR,
    text            VARCHAR     NOT NULL,
    content_hash    VARCHAR     NOT NULL,  -- SHA-256 of text
    simhash         UBIGINT     NOT NULL,  -- extractors.fingerprint.simhash(text)
    raw_sha256      VARCHAR                -- raw page this text was cleaned from
);
