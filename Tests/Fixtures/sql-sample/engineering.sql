-- Engineering's teams by quarter, one column per metric (the wide form).
SELECT period, team, cycle_time, merged_prs_per_engineer,
       time_on_new_capabilities, change_failure_rate, rework_rate, defect_escape_rate,
       ai_changes_reviewed, ai_policy_incidents, weekly_active_users, suggestion_acceptance_rate,
       ai_spend_per_engineer
FROM engineering
ORDER BY rowid
