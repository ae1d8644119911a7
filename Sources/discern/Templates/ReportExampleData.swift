/// `data/example.csv`, the made-up values that `discern new report` writes so its starter
/// builds into a site with something on every page: three quarters of the example teams
/// in `ReportTeams`, in Discern's wide CSV (a column per metric of `ReportMetrics`). The
/// survey starts in the second quarter, as a survey usually starts after the tools. No
/// outcome or quality value gets 5% worse in a quarter in which its team's usage rose 5%
/// or more, so the starter builds without a report-check note (D108). A Swift literal,
/// not a resource, for the reason given in `SurveyQuestionnaire`.
enum ReportExampleData {
    static let path = "data/example.csv"

    /// The quarter the example narrative is written for.
    static let latestQuarter = "2026-Q3"

    static let text = #"""
        period,team,n,pr_lead_time,merged_prs_per_engineer_week,deployment_frequency,lead_time_for_changes,change_failure_rate,incidents,time_to_restore,revert_share,fluency_use_cases,fluency_prompting,fluency_assessment,fluency_workflow,fluency_learning,fluency_ethics,trust_in_ai_output,trust_in_metric_use,workslop_received,unaided_skill_self_check,ai_assisted_pr_share
        2026-Q1,platform,8,30.5,3.1,6,52,12.5,4,5.5,2.4,,,,,,,,,,,18
        2026-Q1,payments,6,36,2.6,3.5,70,15,5,7.5,3.1,,,,,,,,,,,12
        2026-Q1,mobile,5,28,3.3,4,48,10.5,2,4.8,2,,,,,,,,,,,25
        2026-Q2,platform,8,27,3.3,6.5,47,11.8,3,5,2.3,3.4,3.2,3.6,2.9,3.3,3.9,31,62,24,74,31.5
        2026-Q2,payments,6,33.5,2.8,3.8,64,14.6,5,7.2,3,3.1,3,3.4,2.7,3,4.1,28,58,29,70,22.5
        2026-Q2,mobile,5,25.5,3.5,4.5,44,10,2,4.5,1.9,3.5,3.4,3.2,3.1,3.6,3.8,38,60,26,68,38
        2026-Q3,platform,8,24.5,3.4,7,44,11.2,3,4.6,2.2,3.6,3.5,3.7,3.2,3.5,4,34,67,22,72,42
        2026-Q3,payments,6,31,2.9,4.2,60,13.9,4,6.8,2.9,3.3,3.2,3.5,2.9,3.3,4.2,30,63,27,69,33
        2026-Q3,mobile,5,25,3.5,4.5,43,11.5,3,4.4,2,3.6,3.5,3,3.3,3.7,3.9,41,64,30,63,38.5

        """#
}
