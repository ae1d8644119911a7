/// The text of the `metrics.yaml` that `discern new survey` writes: the catalog entries
/// for every metric the survey produces, to paste under `metrics:`. A Swift literal, not
/// a resource, for the reason given in `SurveyQuestionnaire`.
enum SurveyMetrics {
    static let text = #"""
        # The metrics the AI-fluency survey produces (survey.md, read by survey.yaml).
        # Paste the entries under `metrics:` in your content's metrics.yaml. Every one is a
        # self-report: what a team's people say about their own practice, averaged for the team.
        # Set `baseline:` on them to the first quarter you ran the survey, to see change since.
        metrics:

        """# + entries

    /// The entries alone, list items indented for a place under `metrics:`, in report
    /// order (judgment, then sentiment, then skills): `discern new report` puts them
    /// between its quality and usage metrics.
    static let entries = #"""
          # --- Judgment: the six capabilities of good AI use ---------------------------
          - id: fluency_use_cases
            name: "Fluency: choosing use cases"
            category: judgment
            unit: of 5
            range: [1, 5]
            better: higher
            aggregate: weighted_mean
            uncertainty: given       # discern import survey writes ci_low, ci_high (a bootstrap)
            min_change: 0.2          # used where a quarter has no interval
            format: number
            decimals: 2
            min_n: 5
            description: Self-report (survey mean, 1 to 5) of how well people tell which tasks AI helps with and which to keep.

          - id: fluency_prompting
            name: "Fluency: prompting and refining"
            category: judgment
            unit: of 5
            range: [1, 5]
            better: higher
            aggregate: weighted_mean
            uncertainty: given
            min_change: 0.2
            format: number
            decimals: 2
            min_n: 5
            description: Self-report (survey mean of two questions, 1 to 5) of giving AI the context a task needs and refining what comes back.

          - id: fluency_assessment
            name: "Fluency: checking accuracy and bias"
            category: judgment
            unit: of 5
            range: [1, 5]
            better: higher
            aggregate: weighted_mean
            uncertainty: given
            min_change: 0.2
            format: number
            decimals: 2
            min_n: 5
            description: Self-report (survey mean of two questions, one reverse-scored, 1 to 5) of checking AI output for errors, invented facts and bias before relying on it.

          - id: fluency_workflow
            name: "Fluency: workflows with measured gains"
            category: judgment
            unit: of 5
            range: [1, 5]
            better: higher
            aggregate: weighted_mean
            uncertainty: given
            min_change: 0.2
            format: number
            decimals: 2
            min_n: 5
            description: Self-report (survey mean of two questions, 1 to 5) of AI built into recurring work with a measured, not felt, improvement.

          - id: fluency_learning
            name: "Fluency: learning and adapting"
            category: judgment
            unit: of 5
            range: [1, 5]
            better: higher
            aggregate: weighted_mean
            uncertainty: given
            min_change: 0.2
            format: number
            decimals: 2
            min_n: 5
            description: Self-report (survey mean, 1 to 5) of learning better ways to use AI, or dropping uses that did not help, in the last quarter.

          - id: fluency_ethics
            name: "Fluency: ethics and data privacy"
            category: judgment
            unit: of 5
            range: [1, 5]
            better: higher
            aggregate: weighted_mean
            uncertainty: given
            min_change: 0.2
            format: number
            decimals: 2
            min_n: 5
            description: Self-report (survey mean of two questions, 1 to 5) of following the rules on data put into AI tools and disclosing AI-assisted work.

          # --- Sentiment ----------------------------------------------------------------
          - id: trust_in_ai_output
            name: Trust in AI output
            category: sentiment
            unit: "% trusting it a lot"
            range: [0, 100]
            better: neutral
            aggregate: weighted_mean
            uncertainty: wilson      # a share of respondents, from n
            format: percent
            decimals: 0
            min_n: 5
            description: Self-report; the share of respondents who trust unchecked AI output a lot or completely. A calibrated middle band is healthy, so neither direction is scored.

          - id: trust_in_metric_use
            name: Trust in how metrics are used
            category: sentiment
            unit: "% favourable"
            range: [0, 100]
            better: higher
            aggregate: weighted_mean
            uncertainty: wilson
            format: percent
            decimals: 0
            min_n: 5
            description: Self-report; the share of respondents who agree that survey results and AI metrics are used to improve how teams work, not to judge individuals.

          # Workslop is a quality cost as people perceive it. Once you have a quarter to
          # compare with, you may make it `category: quality` with a `baseline:`.
          - id: workslop_received
            name: Workslop received
            category: sentiment
            unit: "% of respondents"
            range: [0, 100]
            better: lower
            aggregate: weighted_mean
            uncertainty: wilson
            format: percent
            decimals: 0
            min_n: 5
            description: Self-report; the share of respondents who received AI-made work in the last month that looked finished but had to be fixed, redone or sent back.

          # --- Skills ---------------------------------------------------------------------
          - id: unaided_skill_self_check
            name: Unaided skill, self-checked
            category: skills
            unit: "% confident without AI"
            range: [0, 100]
            better: higher
            aggregate: weighted_mean
            uncertainty: wilson
            format: percent
            decimals: 0
            min_n: 5
            description: Self-report, not a test; the share of respondents who agree they could do their core tasks to the same standard for a week without AI.

        """#
}
