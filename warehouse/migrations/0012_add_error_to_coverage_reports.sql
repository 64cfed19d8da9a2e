-- Why a day's listing failed (sitemap gone, name not resolving, network down); NULL when it was read.
-- A failed day is no longer mistaken for a quiet one: the coverage view derives its status from this.
ALTER TABLE store.coverage_reports ADD COLUMN error VARCHAR;
