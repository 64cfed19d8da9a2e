-- As-of shadow of the public view articles: the same rows as after run $max_run.
CREATE TEMP VIEW articles AS FROM articles_as_of($max_run::BIGINT);
