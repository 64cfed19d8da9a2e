-- Whether a figure's sentence says it revises an earlier figure ("revised", "final figures", 最终核实,
-- 修订为), read once when the figure is loaded instead of by every later load that clusters its key
-- (docs/architecture.md, "Disagreements": supersession). says_revises() is the one copy of the rule:
-- insert_observations.sql writes it and the load derives it for figures stored before this migration
-- (coalesce, as for the period bounds of 0014: stored rows are never updated in place). Changing the rule
-- means a new migration that replaces the macro.
CREATE OR REPLACE MACRO says_revises(quote) AS regexp_matches(
    lower(quote),
    '\b(revised|revision|corrected|finali[sz]ed|final (verification|figures?|data|accounting))\b'
    '|最终核实|最终核算|最终数|修订为|修订后|修正为|核实后|最終核實|修訂為');

ALTER TABLE store.observations ADD COLUMN revises BOOLEAN;
