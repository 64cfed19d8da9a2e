-- Conflict events: a conflict is opened by the run that finds it and closed by the run that revises it away.
CREATE TABLE store.conflict_events (
    event_id                      BIGINT  NOT NULL,  -- monotonic, orders events of the same run
    conflict_id                   VARCHAR NOT NULL,  -- md5 of the two articles, the figure key and both values
    event                         VARCHAR NOT NULL,  -- opened | closed
    run_id                        BIGINT  NOT NULL,
    reason                        VARCHAR,           -- closed: revised (a figure changed or was dropped)
    metric                        VARCHAR NOT NULL,
    entity                        VARCHAR NOT NULL,
    partner                       VARCHAR,
    period                        VARCHAR NOT NULL,
    unit                          VARCHAR NOT NULL,
    projection                    BOOLEAN NOT NULL,
    article_id                    VARCHAR NOT NULL,
    article_version               INTEGER NOT NULL,
    extractor_version             VARCHAR NOT NULL,
    ordinal                       INTEGER NOT NULL,
    value                         DOUBLE  NOT NULL,
    qualifier                     VARCHAR NOT NULL,
    url                           VARCHAR NOT NULL,
    published_at                  TIMESTAMPTZ,
    quote                         VARCHAR NOT NULL,
    conflicting_article_id        VARCHAR NOT NULL,
    conflicting_article_version   INTEGER NOT NULL,
    conflicting_extractor_version VARCHAR NOT NULL,
    conflicting_ordinal           INTEGER NOT NULL,
    conflicting_value             DOUBLE  NOT NULL,
    conflicting_qualifier         VARCHAR NOT NULL,
    conflicting_url               VARCHAR NOT NULL,
    conflicting_published_at      TIMESTAMPTZ,
    conflicting_quote             VARCHAR NOT NULL,
    relative_difference           DOUBLE  NOT NULL
);
