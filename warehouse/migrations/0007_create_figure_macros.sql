-- Scalar macros for the interval a figure stands for; conflict detection and metric_timeline share them.
-- exact:  [v - r/2, v + r/2], r = resolution; when r = 0, a relative tolerance of 0.5 % of v on each side
-- approx: [0.9 v, 1.1 v] ("about", "around", "约": +-10 %)
-- over:   (v, +inf)       under: (-inf, v)
CREATE MACRO figure_low(v, q, r) AS CASE q
    WHEN 'exact' THEN v - CASE WHEN r > 0 THEN r / 2 ELSE abs(v) * 0.005 END
    WHEN 'approx' THEN least(0.9 * v, 1.1 * v)
    WHEN 'over' THEN v
    ELSE '-infinity'::DOUBLE
END;

CREATE MACRO figure_high(v, q, r) AS CASE q
    WHEN 'exact' THEN v + CASE WHEN r > 0 THEN r / 2 ELSE abs(v) * 0.005 END
    WHEN 'approx' THEN greatest(0.9 * v, 1.1 * v)
    WHEN 'under' THEN v
    ELSE 'infinity'::DOUBLE
END;

-- Two figures are compatible when their intervals share a point; "over" has an open lower end and
-- "under" an open upper end, so "over 5" and "under 5" are incompatible while "over 5" and exactly 5.1 agree.
CREATE MACRO figures_compatible(v1, q1, r1, v2, q2, r2) AS
    (figure_low(v1, q1, r1) < figure_high(v2, q2, r2)
        OR (figure_low(v1, q1, r1) = figure_high(v2, q2, r2) AND q1 <> 'over' AND q2 <> 'under'))
    AND (figure_low(v2, q2, r2) < figure_high(v1, q1, r1)
        OR (figure_low(v2, q2, r2) = figure_high(v1, q1, r1) AND q2 <> 'over' AND q1 <> 'under'));

-- How far apart two values are, relative to the larger magnitude (0 when both are 0).
CREATE MACRO relative_difference(v1, v2) AS
    CASE WHEN greatest(abs(v1), abs(v2)) = 0 THEN 0.0
         ELSE abs(v1 - v2) / greatest(abs(v1), abs(v2)) END;
