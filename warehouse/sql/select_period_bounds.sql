-- The first and last day of each period string of new_periods (load._period_bounds keeps them for the
-- process): the macros insert_observations used to apply to every figure.
SELECT period, period_start_of(period), period_end_of(period)
FROM new_periods;
