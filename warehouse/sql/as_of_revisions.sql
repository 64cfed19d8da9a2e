-- As-of shadow of the public view revisions: the same rows as after run $max_run.
CREATE TEMP VIEW revisions AS FROM revisions_as_of($max_run::BIGINT);
