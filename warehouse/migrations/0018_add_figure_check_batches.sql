-- The place of each queued batch among the batches of its run (docs/architecture.md, "Deferred checks").
-- A check reads several batches' queued rows at once and must fingerprint their article versions in the
-- order they were loaded (a near copy's witness is the earliest earlier copy); page_ordinal restarts with
-- every batch, so it alone interleaves them. Rows queued before this migration keep NULL and come first in
-- their run, as before.
ALTER TABLE store.figure_checks ADD COLUMN batch_number BIGINT;
