-- Unaided skill-check scores, with the people behind each.
SELECT period, team, metric, value, n
FROM skill_checks
ORDER BY rowid
