-- The run the public views show the warehouse as of (each view is <view>_as_of(as_of_run())): the session
-- variable as_of_run (SET VARIABLE as_of_run = 5) when it is set, else every run (the largest BIGINT).
CREATE MACRO as_of_run() AS coalesce(getvariable('as_of_run'), 9223372036854775807);
