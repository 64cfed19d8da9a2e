-- As-of shadow of the public view metric_timeline: the same rows as after run $max_run.
CREATE TEMP VIEW metric_timeline AS FROM metric_timeline_as_of($max_run::BIGINT);
