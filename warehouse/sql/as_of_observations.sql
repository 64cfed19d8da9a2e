-- As-of shadow of the public view observations: the same rows as after run $max_run.
CREATE TEMP VIEW observations AS FROM observations_as_of($max_run::BIGINT);
