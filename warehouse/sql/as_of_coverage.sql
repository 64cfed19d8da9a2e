-- As-of shadow of the public view coverage: the same rows as after run $max_run.
CREATE TEMP VIEW coverage AS FROM coverage_as_of($max_run::BIGINT);
