-- As-of shadow of the public view conflicts: the same rows as after run $max_run.
CREATE TEMP VIEW conflicts AS FROM conflicts_as_of($max_run::BIGINT);
