-- As-of shadow of the public view runs: the same rows as after run $max_run.
CREATE TEMP VIEW runs AS FROM runs_as_of($max_run::BIGINT);
