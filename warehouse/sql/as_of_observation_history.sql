-- As-of shadow of the public view observation_history: the same rows as after run $max_run.
CREATE TEMP VIEW observation_history AS FROM observation_history_as_of($max_run::BIGINT);
