-- Workflow, learning and fluency-level values, one per row (the long form).
SELECT period, team, metric, value, n
FROM fluency
ORDER BY rowid
