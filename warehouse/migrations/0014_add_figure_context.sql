-- Figure context read over the whole article (extractor 2.x): the part of the whole a figure is about
-- (segment), what a change is measured against (basis), what sort of quantity it is (kind), the unit as
-- written (unit_text), and the period's first and last day so that periods can be ordered and compared.
-- Figures stored by earlier extractors keep NULL segment, basis, kind and unit_text until
-- `gdwatch backfill --reprocess` extracts them again; their period bounds are derived in the views
-- (stored rows are never updated in place).

-- The first and last day of a period string (docs/sql.md, "Periods"); NULL for NULL or an unknown form.
CREATE OR REPLACE MACRO period_start_of(p) AS CASE
    WHEN regexp_full_match(p, '\d{4}') THEN make_date(p::INTEGER, 1, 1)
    WHEN regexp_full_match(p, '\d{4}-Q[1-4]') THEN make_date(p[1:4]::INTEGER, (p[7]::INTEGER - 1) * 3 + 1, 1)
    WHEN regexp_full_match(p, '\d{4}-H[12]') THEN make_date(p[1:4]::INTEGER, (p[7]::INTEGER - 1) * 6 + 1, 1)
    WHEN regexp_full_match(p, '\d{4}-(0[1-9]|1[0-2])') THEN make_date(p[1:4]::INTEGER, p[6:7]::INTEGER, 1)
    WHEN regexp_full_match(p, '\d{4}-\d{2}-\d{2}') THEN TRY_CAST(p AS DATE)
    WHEN regexp_full_match(p, '\d{4}-(0[1-9]|1[0-2])\.\.\d{4}-(0[1-9]|1[0-2])') THEN make_date(p[1:4]::INTEGER, p[6:7]::INTEGER, 1)
    WHEN regexp_full_match(p, '\d{4}\.\.\d{4}') THEN make_date(p[1:4]::INTEGER, 1, 1)
END;

CREATE OR REPLACE MACRO period_end_of(p) AS CASE
    WHEN regexp_full_match(p, '\d{4}') THEN make_date(p::INTEGER, 12, 31)
    WHEN regexp_full_match(p, '\d{4}-Q[1-4]') THEN last_day(make_date(p[1:4]::INTEGER, p[7]::INTEGER * 3, 1))
    WHEN regexp_full_match(p, '\d{4}-H[12]') THEN last_day(make_date(p[1:4]::INTEGER, p[7]::INTEGER * 6, 1))
    WHEN regexp_full_match(p, '\d{4}-(0[1-9]|1[0-2])') THEN last_day(make_date(p[1:4]::INTEGER, p[6:7]::INTEGER, 1))
    WHEN regexp_full_match(p, '\d{4}-\d{2}-\d{2}') THEN TRY_CAST(p AS DATE)
    WHEN regexp_full_match(p, '\d{4}-(0[1-9]|1[0-2])\.\.\d{4}-(0[1-9]|1[0-2])')
        THEN last_day(make_date(p[10:13]::INTEGER, p[15:16]::INTEGER, 1))
    WHEN regexp_full_match(p, '\d{4}\.\.\d{4}') THEN make_date(p[7:10]::INTEGER, 12, 31)
END;

ALTER TABLE store.observations ADD COLUMN segment VARCHAR;
ALTER TABLE store.observations ADD COLUMN basis VARCHAR;
ALTER TABLE store.observations ADD COLUMN kind VARCHAR;
ALTER TABLE store.observations ADD COLUMN unit_text VARCHAR;
ALTER TABLE store.observations ADD COLUMN period_start DATE;
ALTER TABLE store.observations ADD COLUMN period_end DATE;

ALTER TABLE store.conflict_events ADD COLUMN segment VARCHAR;
ALTER TABLE store.conflict_events ADD COLUMN basis VARCHAR;
ALTER TABLE store.conflict_events ADD COLUMN kind VARCHAR;
