-- As-of shadow of the public view article_versions: the same rows as after run $max_run.
CREATE TEMP VIEW article_versions AS FROM article_versions_as_of($max_run::BIGINT);
