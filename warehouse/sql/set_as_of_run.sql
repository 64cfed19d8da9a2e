-- Make every public view of this session show the warehouse as it was after run $max_run.
SET VARIABLE as_of_run = $max_run::BIGINT;
