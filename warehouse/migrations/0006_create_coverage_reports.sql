-- Coverage reports: per run, source and publication day, how many entries were listed, fetched and stored.
CREATE TABLE store.coverage_reports (
    run_id  BIGINT  NOT NULL,
    source  VARCHAR NOT NULL,
    day     DATE    NOT NULL,
    listed  INTEGER NOT NULL,
    fetched INTEGER NOT NULL,
    stored  INTEGER NOT NULL
);
