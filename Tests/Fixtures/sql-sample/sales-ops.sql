-- Sales Operations' values, one per row.
SELECT period, team, metric, value
FROM sales_ops
ORDER BY rowid
