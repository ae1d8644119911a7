-- Survey means by team and quarter, one column per question, n for the row.
SELECT period, team, n, time_saved_self_reported,
       workslop_received, fluency_delegation, fluency_description, fluency_discernment,
       fluency_diligence, trust_in_ai_output, trust_in_metric_use
FROM surveys
ORDER BY rowid
