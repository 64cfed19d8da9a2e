-- As-of shadow of the public view conflict_history: the same rows as after run $max_run.
CREATE TEMP VIEW conflict_history AS FROM conflict_history_as_of($max_run::BIGINT);
