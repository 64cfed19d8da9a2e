-- Tag the DuckLake snapshot the open transaction will commit with its run (snapshots() shows it), so
-- `AT (VERSION => n)` and the run-id as-of agree on which snapshot a run wrote.
CALL lake.set_commit_message('gdwatch', $message, extra_info => $extra_info);
