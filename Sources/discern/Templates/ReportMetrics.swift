/// The `metrics.yaml` that `discern new report` writes: the recommended outcome-first
/// catalog. Outcomes and quality come from pull requests (`discern import github-pulls`)
/// and from deployment and incident exports (`discern import events` with the README's
/// DORA specs), under the ids those imports write; judgment, sentiment and skills are the
/// survey's (`SurveyMetrics.entries`, the one source of them); usage comes last, as
/// context. A Swift literal, not a resource, for the reason given in `SurveyQuestionnaire`.
enum ReportMetrics {
    static let text = head + outcomes + SurveyMetrics.entries + usage

    private static let head = #"""
        # metrics.yaml: the metric catalog, in report order. Outcomes lead and quality follows;
        # then judgment, sentiment and skills, from the AI-fluency survey in survey/; usage
        # comes last, as context, and never gets a target.
        #
        # Each entry says what the metric is: category; unit; better (higher, lower, or
        # neutral for context); aggregate (how teams roll up into groups: sum, mean,
        # weighted_mean by headcount, median, min or max); baseline (the quarter changes are
        # measured against: the quarter before AI tools arrived); a description for its page.
        # Optional keys: target, format, decimals, min_n, range, self_reported (README:
        # "metrics.yaml").
        #
        # A change is called better or worse only beyond noise (README: "Honest numbers"):
        # `uncertainty:` names the 95% interval a metric's values carry (wilson for a share
        # of people with n, poisson for a count, given for intervals in the data, none for
        # census data), and `min_change:` is the smallest change that matters, in the
        # metric's unit, for values without an interval.
        #
        # The outcome, quality and usage ids are the ones `discern import github-pulls` and
        # `discern import events` (with the deployments and incidents specs in the README's
        # "Event exports") write, in the same units, so imported data fits as it is: do not
        # paste the entries an import prints for them again. Change a baseline to your own
        # quarter before AI tools arrived; remove a metric you will not measure.
        metrics:

        """#

    private static let outcomes = #"""
          # --- Outcomes: what the work achieves -------------------------------------------
          # From pull requests: `discern import github-pulls`.
          - id: pr_lead_time
            name: Pull request lead time
            category: outcome
            unit: hours
            better: lower
            aggregate: weighted_mean
            uncertainty: given   # discern import writes ci_low, ci_high (a bootstrap)
            min_change: 2            # hours: the smallest change worth a word; see below
            baseline: 2026-Q1        # the quarter before AI tools arrived; set your own
            decimals: 1
            description: Median hours from opening a pull request to merging it, over the pull requests the team's people merged in the quarter; bots' are left out.

          - id: merged_prs_per_engineer_week
            name: Merged pull requests per engineer-week
            category: outcome
            unit: PRs/engineer/week
            better: higher
            aggregate: weighted_mean
            min_change: 0.2
            baseline: 2026-Q1
            decimals: 1
            description: Pull requests the team merged per person per week. More is not better work by itself, so it is read beside lead time, reverts and change failure rate, never alone.

          # From a CD tool's deployments: `discern import events` with the deployments spec.
          - id: deployment_frequency
            name: Deployment frequency
            category: outcome
            unit: per week
            better: higher
            aggregate: sum           # a group deploys as often as its teams together
            min_change: 0.5
            baseline: 2026-Q1
            decimals: 1
            description: Successful production deployments per week of the quarter (DORA).

          - id: lead_time_for_changes
            name: Lead time for changes
            category: outcome
            unit: hours
            better: lower
            aggregate: weighted_mean
            uncertainty: given
            min_change: 2
            baseline: 2026-Q1
            decimals: 0
            description: Median hours from a commit to its successful deployment in production (DORA).

          # --- Quality: what it costs later -----------------------------------------------
          # From the deployments, as above.
          - id: change_failure_rate
            name: Change failure rate
            category: quality
            unit: "%"
            better: lower
            aggregate: weighted_mean
            uncertainty: given
            min_change: 1
            baseline: 2026-Q1
            format: percent
            decimals: 1
            description: Share of successful production deployments that caused an incident (DORA).

          # From an incident tool's export: `discern import events` with the incidents spec.
          - id: incidents
            name: Severe incidents
            category: quality
            unit: per quarter
            better: lower
            aggregate: sum
            uncertainty: poisson     # a count of events: Garwood's interval
            baseline: 2026-Q1
            format: integer
            description: Severity 1 and 2 incidents opened in the quarter. A count grows with a team's size and scope, so compare a team with itself over time, not with other teams.

          - id: time_to_restore
            name: Time to restore
            category: quality
            unit: hours
            better: lower
            aggregate: weighted_mean
            uncertainty: given
            min_change: 1
            baseline: 2026-Q1
            decimals: 1
            description: Median hours from opening a severe incident to resolving it, in the quarter it was resolved (DORA).

          # From pull requests: `discern import github-pulls`.
          - id: revert_share
            name: Revert share
            category: quality
            unit: "% of merged pull requests"
            better: lower
            aggregate: weighted_mean
            uncertainty: given
            min_change: 1
            baseline: 2026-Q1
            format: percent
            decimals: 1
            description: Merged pull requests that revert an earlier one (titled Revert "…", as GitHub's Revert button titles them), as a share of all merged; a rework proxy.


        """#

    private static let usage = #"""

          # --- Usage: context, not impact -------------------------------------------------
          # How much AI is used says little about value: shown last, beside the outcomes, never
          # as a target. `discern import github-pulls` writes this one; the usage feeds
          # (GitHub Copilot, Microsoft 365 Copilot, Viva Insights, Claude Code) print their own
          # entries to paste here.
          - id: ai_assisted_pr_share
            name: AI-assisted pull request share
            category: usage
            unit: "% of merged pull requests"
            better: neutral
            aggregate: weighted_mean
            uncertainty: given       # ci_low, ci_high from discern import github-pulls
            format: percent
            decimals: 1
            description: Merged pull requests labelled ai-assisted, as a share of all the team merged; how much work people mark as AI-assisted, as context. Unlabelled work is not known to be unassisted.

        """#
}
