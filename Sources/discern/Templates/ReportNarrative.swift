/// The organization's narrative that `discern new report` writes beside its example data,
/// for the data's latest quarter: front matter, live values instead of typed numbers, and
/// chart blocks, as a report author would write them. A Swift literal, not a resource,
/// for the reason given in `SurveyQuestionnaire`.
enum ReportNarrative {
    /// Where it goes: the organization's narrative for the example data's latest quarter.
    static let path = "narratives/org/\(ReportExampleData.latestQuarter).md"

    static let text = #"""
        ---
        title: "Example: faster reviews, steadier releases"
        summary: >-
          An example narrative over the example data. Pull request lead time is now
          {{ value pr_lead_time }}, and change failure rate held while AI-assisted work grew.
          Replace this with your own reading of your quarter.
        author: People Analytics
        date: 2026-10-12
        highlights: [pr_lead_time, deployment_frequency, change_failure_rate, fluency_assessment]
        ---

        *This narrative is an example, over example data. Every number in it is a live value,
        read from data/ when the site is built, so it cannot drift from the data: write
        `{{ value METRIC }}` rather than typing a number, with `team=ID` or `period=YYYY-Qn`
        for another team or quarter.*

        ## Outcomes

        Pull requests now take {{ value pr_lead_time }} from opening to merge,
        {{ delta pr_lead_time }} on the quarter and down from {{ baseline pr_lead_time }} at
        baseline, the quarter before AI tools arrived. Changes reach production in
        {{ value lead_time_for_changes }} (from {{ baseline lead_time_for_changes }}), and the
        organization deploys {{ value deployment_frequency }}.

        ```chart
        type: line
        metric: pr_lead_time
        teams: [platform, payments, mobile]
        periods: [2026-Q1, 2026-Q2, 2026-Q3]
        title: "Pull request lead time, now {{ value pr_lead_time }}"
        caption: Median hours from opening a pull request to merging it, by team.
        ```

        ## Quality

        Speed is only good news if quality holds. Change failure rate is
        {{ value change_failure_rate }} ({{ delta change_failure_rate }} on the quarter), and
        time to restore {{ value time_to_restore }}. **Mobile** is the exception this quarter:
        its change failure rate rose to {{ value change_failure_rate team=mobile }}
        ({{ delta change_failure_rate team=mobile }}) while its AI-assisted share held at
        {{ value ai_assisted_pr_share team=mobile }}, so more AI use does not explain it; the
        team is looking at its release checks.

        ```chart
        type: bar
        metric: change_failure_rate
        teams: [platform, payments, mobile]
        caption: Share of production deployments that caused an incident, by team.
        ```

        ## Judgment

        The survey's measure of checking AI output before relying on it stands at
        {{ value fluency_assessment }}, and {{ value workslop_received }} of respondents received
        AI-made work last month that they had to fix. The Judgment section below has all six
        capabilities.

        ## Usage, as context

        {{ value ai_assisted_pr_share }} of merged pull requests were marked as AI-assisted.
        That says how much AI is used, not what it achieved: it is context for the outcomes
        above, never a target.

        ## What this report cannot tell you

        Three quarters of team-level data show associations, not causes, and no number here
        is about a person. Self-reported measures (the survey's) sit beside measured outcomes,
        never in their place.

        """#
}
