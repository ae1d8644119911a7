-- Customer Support's values, one per row.
SELECT period, team, metric, value
FROM support
ORDER BY rowid
